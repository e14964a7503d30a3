//! The typed input: `anquan.yaml` and `enterprises/ID.yaml`, exactly as users write them.
//!
//! Every struct rejects unknown keys so that a typo never passes silently. Values whose
//! format is checked later with a precise message (phones, credit codes, ids) stay strings
//! here; dates are typed so that a malformed one is reported where it stands.

mod config;
mod enterprise;
mod records;

pub use config::*;
pub use enterprise::*;
pub use records::*;
