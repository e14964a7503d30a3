//! Which rebuild a file change calls for: one enterprise, everything, or the images.

use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// anquan.yaml, revisions.yaml, templates, content, themes or fonts: every page may differ.
    Everything,
    /// `enterprises/ID.yaml`: that enterprise and the index.
    Enterprise(String),
    /// `static/`: images to copy again (and PDFs that show them).
    Static,
}

/// What a batch of changes asks for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    pub everything: bool,
    pub enterprises: BTreeSet<String>,
    pub statics: bool,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        !self.everything && self.enterprises.is_empty() && !self.statics
    }

    pub fn add(&mut self, change: Change) {
        match change {
            Change::Everything => self.everything = true,
            Change::Enterprise(id) => {
                self.enterprises.insert(id);
            }
            Change::Static => self.statics = true,
        }
    }
}

/// Editor droppings and temp files: vim's `.x.swp` and `4913`, emacs' `.#x` and `x~`,
/// atomic-save temps, and anquan's own `.anquan-*` files.
fn is_temporary(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".tmp", ".bak", ".part", ".crdownload"]
            .iter()
            .any(|x| name.ends_with(x))
}

/// Classifies a changed path; `None` for what no rebuild needs (the output folder, temp
/// files, files outside the site's inputs).
pub fn classify(site: &Path, out: &Path, path: &Path) -> Option<Change> {
    if path.starts_with(out) {
        return None;
    }
    let rel = path.strip_prefix(site).ok()?;
    let name = rel.file_name()?.to_str()?;
    if is_temporary(name)
        || rel
            .components()
            .any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.')))
    {
        return None;
    }
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first {
        // A release changes every enterprise's versions and 修订记录.
        "anquan.yaml" | "revisions.yaml" => Some(Change::Everything),
        "enterprises"
            if rel.components().count() == 2
                && (name.ends_with(".yaml") || name.ends_with(".yml")) =>
        {
            Some(Change::Enterprise(
                name.trim_end_matches(".yaml")
                    .trim_end_matches(".yml")
                    .to_string(),
            ))
        }
        "templates" | "content" | "themes" | "fonts" => Some(Change::Everything),
        "static" => Some(Change::Static),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn at(site: &str, rel: &str) -> Option<Change> {
        let site = PathBuf::from(site);
        classify(&site, &site.join("public"), &site.join(rel))
    }

    #[test]
    fn classifies_site_files() {
        assert_eq!(at("/s", "anquan.yaml"), Some(Change::Everything));
        assert_eq!(at("/s", "revisions.yaml"), Some(Change::Everything));
        assert_eq!(
            at("/s", "enterprises/ruifeng.yaml"),
            Some(Change::Enterprise("ruifeng".into()))
        );
        assert_eq!(
            at("/s", "templates/html/base.html"),
            Some(Change::Everything)
        );
        assert_eq!(
            at("/s", "content/systems/fire.md"),
            Some(Change::Everything)
        );
        assert_eq!(
            at("/s", "themes/default/style.css"),
            Some(Change::Everything)
        );
        assert_eq!(at("/s", "static/photos/a.png"), Some(Change::Static));
    }

    #[test]
    fn ignores_output_temp_files_and_strays() {
        assert_eq!(at("/s", "public/index.html"), None);
        assert_eq!(at("/s", "enterprises/.ruifeng.yaml.swp"), None);
        assert_eq!(at("/s", "enterprises/ruifeng.yaml~"), None);
        assert_eq!(at("/s", "enterprises/4913"), None);
        assert_eq!(at("/s", "enterprises/.#ruifeng.yaml"), None);
        assert_eq!(at("/s", "README.md"), None);
        assert_eq!(at("/s", ".git/index"), None);
        assert_eq!(
            classify(
                Path::new("/s"),
                Path::new("/out"),
                Path::new("/elsewhere/x.yaml")
            ),
            None
        );
    }

    #[test]
    fn a_batch_merges() {
        let mut set = ChangeSet::default();
        set.add(Change::Enterprise("a".into()));
        set.add(Change::Enterprise("a".into()));
        set.add(Change::Static);
        assert_eq!(set.enterprises.len(), 1);
        assert!(set.statics && !set.everything && !set.is_empty());
    }
}
