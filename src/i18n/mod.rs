//! Messages a person reads, in Chinese by default or in English (spec §12).
//!
//! Each message is a catalogue entry (`locales/zh.ftl`, `locales/en.ftl`, Project Fluent)
//! with named arguments. Code builds a [`Message`] with [`msg!`](crate::msg): an id and
//! its arguments as data, so a finding can be shown in either language, and `check
//! --json` can give the arguments apart. Adding a message is one line in each catalogue
//! and one `msg!` call; a test fails when the two disagree.

mod catalog;

use serde::Serialize;

pub use catalog::Catalog;

/// The language of messages: Chinese unless `--lang en` or `ANQUAN_LANG=en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh`, `zh-CN`, `en`, `en-US`…; anything else is not a language anquan speaks.
    pub fn parse(text: &str) -> Option<Lang> {
        let primary = text.split(['-', '_', '.']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// `--lang` first, then `ANQUAN_LANG`, else Chinese. An unknown value is ignored.
    pub fn choose(flag: Option<&str>, env: Option<&str>) -> Lang {
        flag.or(env).and_then(Lang::parse).unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// One argument of a message: text (names, dates, key paths) or a count (which may
/// choose a plural form in English).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Count(i64),
    /// A noun by its catalogue id (`word-zone`), said in the message's language.
    Word(&'static str),
    /// Messages said one after another, joined by the catalogue's `list-separator`.
    Parts(Vec<Message>),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

macro_rules! count_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_arg!(usize, u32, u16, u8, i64, i32);

/// A message id and its named arguments, formatted in a language by a [`Catalog`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {}

/// `msg!("finding-overdue", issue = f.issue, due = f.due.to_string())`: a [`Message`]
/// with the id of a catalogue entry and its named arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message {
            id: $id,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        }
    };
}

#[cfg(test)]
mod tests;
