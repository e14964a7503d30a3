//! `anquan watch` and `anquan serve`: rebuild what a change touches, and serve the output
//! with live reload.

pub mod classify;
pub mod pdf_job;
pub mod serve;
pub mod session;
