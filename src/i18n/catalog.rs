//! The two catalogues, embedded in the binary, and formatting a [`Message`] with one.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang, Message};

pub(super) const ZH: &str = include_str!("../../locales/zh.ftl");
pub(super) const EN: &str = include_str!("../../locales/en.ftl");

/// One language's messages. Cheap to share across threads (`Send + Sync`).
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    pub fn new(lang: Lang) -> Catalog {
        let (source, locale) = match lang {
            Lang::Zh => (ZH, "zh-CN"),
            Lang::En => (EN, "en"),
        };
        let locale = locale.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Unicode isolation marks would show as stray characters in a terminal and in JSON.
        bundle.set_use_isolating(false);
        // A syntax error keeps the entries that parsed; the catalogue tests catch it.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        Catalog { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message in this language; its id where the catalogue lacks it (a test makes
    /// sure none does).
    pub fn text(&self, message: &Message) -> String {
        let Some(pattern) = self.bundle.get_message(message.id).and_then(|m| m.value()) else {
            return message.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, arg) in &message.args {
            let value = match arg {
                Arg::Count(n) => FluentValue::from(*n),
                _ => FluentValue::from(self.arg_text(arg)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }

    fn arg_text(&self, arg: &Arg) -> String {
        match arg {
            Arg::Text(t) => t.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Word(id) => self.say(id),
            Arg::Parts(parts) => {
                let texts: Vec<String> = parts.iter().map(|m| self.text(m)).collect();
                texts.join(&self.say("list-separator"))
            }
        }
    }

    /// The arguments by name, for JSON (`args`): nouns and parts said in this language.
    pub fn args_json(&self, message: &Message) -> serde_json::Map<String, serde_json::Value> {
        message
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Count(n) => serde_json::Value::from(*n),
                    _ => serde_json::Value::from(self.arg_text(arg)),
                };
                (name.to_string(), value)
            })
            .collect()
    }

    /// A message without arguments, by id.
    pub fn say(&self, id: &'static str) -> String {
        self.text(&Message {
            id,
            args: Vec::new(),
        })
    }
}
