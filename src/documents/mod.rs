//! Documents: the format-neutral model, and the builders that fill it from facts.

pub mod blocks;
pub mod context;
pub mod dating;
pub mod emergency;
pub mod forms;
pub mod fragments;
pub mod ledgers;
pub mod markdown;
pub mod model;
pub mod pairs;
pub mod permits;
pub mod procedures;
pub mod revisions;
pub mod risk;
pub mod service;
pub mod sheet;
pub mod systems;
