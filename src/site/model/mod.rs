//! The typed input: `anquan.yaml` and `enterprises/ID.yaml`, exactly as users write them.
//!
//! Every struct rejects unknown keys so that a typo never passes silently. Values whose
//! format is checked later with a precise message (phones, credit codes, ids) stay strings
//! here; dates are typed so that a malformed one is reported where it stands.

/// A closed list of Chinese values: the enum, the words users write (serde) and `name()`
/// for printing them.
macro_rules! chinese_values {
    ($(#[$doc:meta])* pub enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)?
    }) => {
        // After the derive: `$doc` may hold `#[schemars(...)]`, a helper of the derive.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema)]
        $(#[$doc])*
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }
    };
}

mod config;
mod enterprise;
mod equipment;
mod records;
mod visits;

pub use config::*;
pub use enterprise::*;
pub use equipment::*;
pub use records::*;
pub use visits::*;
