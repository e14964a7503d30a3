//! Writing a build: the staging folder and its swap, and the manifest.

pub mod carry;
pub mod keep;
pub mod manifest;
pub mod merge;
pub mod shard;
pub mod writer;
