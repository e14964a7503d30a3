//! Where each key path of a YAML file stands, so that errors found after deserializing
//! (a dangling reference, a bad phone number) can still name file:line:column.

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

/// One node of the file: its key path (`teams[0].members[1].post`), the position of its key
/// (for mapping values) and of the value itself. Lines and columns are 1-based.
#[derive(Debug, Clone)]
struct Entry {
    path: String,
    key_at: Option<(usize, usize)>,
    value_at: (usize, usize),
}

/// A text value (or key) longer than this is refused: the longest real value, a paragraph
/// of a finding or a plan, is a few hundred characters, and every value is printed on
/// boards and in tables where a runaway one aborts typesetting.
pub const MAX_VALUE_CHARS: usize = 5000;

/// Keys whose value names or identifies something: blank (`name: ""`, `id: " "`) is never
/// right, though it deserializes as a string. (An empty plain value is null, which the
/// deserializer refuses itself.)
pub const NAMING_KEYS: [&str; 7] = ["name", "id", "item", "topic", "post", "zone", "head"];

#[derive(Debug, Default, Clone)]
pub struct KeyIndex {
    entries: Vec<Entry>,
    /// Where each value longer than `MAX_VALUE_CHARS` starts, and its length.
    pub long_values: Vec<((usize, usize), usize)>,
    /// Where each blank value of a `NAMING_KEYS` key starts, with its key path.
    pub blank_names: Vec<((usize, usize), String)>,
}

enum Frame {
    Map {
        path: String,
        key: Option<(String, (usize, usize))>,
    },
    Seq {
        path: String,
        next: usize,
    },
}

impl KeyIndex {
    /// Indexes `text`; a syntax error simply ends the index early (the deserializer
    /// reports it with its own location).
    pub fn build(text: &str) -> KeyIndex {
        let mut entries = Vec::new();
        let mut long_values = Vec::new();
        let mut blank_names = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let at = (span.start.line(), span.start.col() + 1);
            match event {
                Event::Scalar(value, style, ..) => {
                    let chars = value.chars().count();
                    if chars > MAX_VALUE_CHARS {
                        long_values.push((at, chars));
                    }
                    if let Some(Frame::Map {
                        key: key @ None, ..
                    }) = stack.last_mut()
                    {
                        *key = Some((value.into_owned(), at));
                        continue;
                    }
                    let naming = matches!(stack.last(), Some(Frame::Map { key: Some((key, _)), .. }) if NAMING_KEYS.contains(&key.as_str()));
                    if let Some((path, key_at)) = child_path(&mut stack) {
                        let quoted = !matches!(style, ScalarStyle::Plain);
                        if naming && quoted && value.trim().is_empty() {
                            blank_names.push((at, path.clone()));
                        }
                        entries.push(Entry {
                            path,
                            key_at,
                            value_at: at,
                        });
                    }
                }
                Event::Alias(_) => {
                    if let Some((path, key_at)) = child_path(&mut stack) {
                        entries.push(Entry {
                            path,
                            key_at,
                            value_at: at,
                        });
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let is_map = matches!(event, Event::MappingStart(..));
                    let path = match child_path(&mut stack) {
                        Some((path, key_at)) => {
                            entries.push(Entry {
                                path: path.clone(),
                                key_at,
                                value_at: at,
                            });
                            path
                        }
                        None => String::new(),
                    };
                    stack.push(if is_map {
                        Frame::Map { path, key: None }
                    } else {
                        Frame::Seq { path, next: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        // Held for the whole load of a site: no growth slack times a thousand files.
        entries.shrink_to_fit();
        KeyIndex {
            entries,
            long_values,
            blank_names,
        }
    }

    /// Where the value at `path` starts.
    pub fn value_at(&self, path: &str) -> Option<(usize, usize)> {
        self.entries
            .iter()
            .find(|e| e.path == path)
            .map(|e| e.value_at)
    }

    /// The key path of the node at (or nearest before) a position.
    pub fn path_at(&self, line: usize, column: usize) -> Option<&str> {
        let pos = (line, column);
        if let Some(e) = self
            .entries
            .iter()
            .find(|e| e.value_at == pos || e.key_at == Some(pos))
        {
            return Some(&e.path);
        }
        self.entries
            .iter()
            .filter(|e| e.key_at.unwrap_or(e.value_at) <= pos)
            .max_by_key(|e| e.key_at.unwrap_or(e.value_at))
            .map(|e| e.path.as_str())
    }
}

/// The path of the next child node in the innermost container, consuming its key or index.
fn child_path(stack: &mut [Frame]) -> Option<(String, Option<(usize, usize)>)> {
    match stack.last_mut()? {
        Frame::Map { path, key } => {
            let (name, key_at) = key.take()?;
            let full = if path.is_empty() {
                name
            } else {
                format!("{path}.{name}")
            };
            Some((full, Some(key_at)))
        }
        Frame::Seq { path, next } => {
            let full = format!("{path}[{next}]");
            *next += 1;
            Some((full, None))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "enterprise:\n  name: 甲\n  employees: 12\nteams:\n  - id: a\n    members:\n      - {name: 张三, post: press}\n      - {name: 李四, post: weld}\n";

    #[test]
    fn finds_values_by_path() {
        let index = KeyIndex::build(YAML);
        assert_eq!(index.value_at("enterprise.employees"), Some((3, 14)));
        assert_eq!(index.value_at("teams[0].members[1].post"), Some((8, 26)));
        assert_eq!(index.value_at("teams[0].id"), Some((5, 9)));
    }

    #[test]
    fn finds_paths_by_position() {
        let index = KeyIndex::build(YAML);
        assert_eq!(index.path_at(3, 3), Some("enterprise.employees"));
        assert_eq!(index.path_at(3, 14), Some("enterprise.employees"));
        assert_eq!(index.path_at(8, 26), Some("teams[0].members[1].post"));
    }
}
