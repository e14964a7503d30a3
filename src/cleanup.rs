//! Temp folders named after the process that made them (`anquan-typst-PID-…`), so that
//! what a killed build left can be told from what a running one uses: an interrupted
//! build removes its own, and the next build removes those of processes that are gone.

use std::fs;

/// The prefix of a temp folder of kind `kind` (`typst`, `fonts`…) made by this process.
pub fn temp_prefix(kind: &str) -> String {
    format!("anquan-{kind}-{}-", std::process::id())
}

/// Removes the temp folders of this process (on SIGINT or SIGTERM, before exiting);
/// returns how many it found.
pub fn remove_own_temp_dirs() -> usize {
    let me = std::process::id();
    remove_temp_dirs(|pid| pid == me)
}

/// Removes the temp folders of processes that have ended (a build killed with -9).
pub fn remove_dead_temp_dirs() {
    remove_temp_dirs(|pid| !crate::output::keep::process_alive(pid));
}

fn remove_temp_dirs(remove: impl Fn(u32) -> bool) -> usize {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return 0;
    };
    let mut found = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && owner(&name).is_some_and(&remove) {
            found += 1;
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    found
}

/// `anquan-KIND-PID-RANDOM` → PID.
fn owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix("anquan-")?;
    let mut parts = rest.splitn(3, '-');
    let kind = parts.next()?;
    let pid = parts.next()?;
    parts.next()?;
    kind.chars()
        .all(|c| c.is_ascii_lowercase())
        .then(|| pid.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_owner_from_the_name() {
        assert_eq!(owner("anquan-typst-123-abc"), Some(123));
        assert_eq!(owner("anquan-sitefonts-7-x"), Some(7));
        assert_eq!(owner("anquan-typst-x-abc"), None);
        assert_eq!(owner("anquan-typst-123"), None);
        assert_eq!(owner("other-typst-1-a"), None);
        assert!(temp_prefix("typst").starts_with("anquan-typst-"));
    }
}
