//! CJK fonts for the PDFs: found once per build, handed to typst alone (faster and
//! deterministic), chosen per role from the families actually present.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tempfile::TempDir;
use walkdir::WalkDir;

use crate::render::typst::{Typst, TypstError};

pub const FONT_HINT: &str =
    "apt-get install fonts-noto-cjk (or put .ttf/.otf/.ttc files in the site's fonts/ folder)";

/// Font file names worth handing to typst: the free CJK families Debian packages, and the
/// commercial official-document faces where a user has installed them.
const CJK_FILE_MARKERS: [&str; 14] = [
    "notoserifcjk",
    "notosanscjk",
    "sourcehanserif",
    "sourcehansans",
    "fandol",
    "lxgwwenkai",
    "ukai",
    "uming",
    "simfang",
    "simhei",
    "simkai",
    "simsun",
    "fzxbs",
    "fzxiaobiaosong",
];

/// Preferred families per role, official faces first (GB/T 9704), free substitutes after.
const TITLE: [&str; 5] = [
    "FZXiaoBiaoSong-B05S",
    "方正小标宋简体",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
];
const BODY: [&str; 7] = [
    "FangSong",
    "仿宋",
    // TeX Live's FandolFang names its family with the weight: "FandolFang R".
    "FandolFang R",
    "FandolFang",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
];
const HEADING: [&str; 4] = ["SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC"];
const KAI: [&str; 7] = [
    "KaiTi",
    "楷体",
    "LXGW WenKai",
    "AR PL UKai CN",
    "FandolKai",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
];

#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("no CJK font found (searched {searched}): {FONT_HINT}")]
    NoCjkFont { searched: String },
    #[error(transparent)]
    Typst(#[from] TypstError),
    #[error("preparing fonts: {0}")]
    Io(#[from] std::io::Error),
    #[error("the site's fonts: {0}")]
    Site(#[from] crate::site::guard::GuardError),
}

/// Font families per role, as typst font lists.
#[derive(Debug, Clone, Serialize)]
pub struct Families {
    pub title: Vec<String>,
    pub body: Vec<String>,
    pub heading: Vec<String>,
    pub kai: Vec<String>,
}

pub struct FontSet {
    /// Links to the chosen font files; typst reads only this folder.
    dir: TempDir,
    pub families: Families,
    pub files: Vec<PathBuf>,
}

impl FontSet {
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The site's `fonts/` first, then the system's CJK font files.
    pub fn discover(site_root: &Path, typst: &Typst) -> Result<FontSet, FontError> {
        let mut files = site_font_files(site_root)?;
        let system_dirs = system_font_dirs();
        for dir in &system_dirs {
            files.extend(font_files(dir, |name| {
                CJK_FILE_MARKERS.iter().any(|m| name.contains(m))
            }));
        }
        let searched = std::iter::once(site_root.join("fonts"))
            .chain(system_dirs)
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let dir = linked_dir("fonts", &files)?;
        let present = typst.families(dir.path())?;
        let site = site_families(site_root, typst)?;
        // The site's own faces come first, in the roles their names suggest.
        let pick = |role: Role, wanted: &[&str]| -> Vec<String> {
            let mut list: Vec<String> = site.iter().filter(|f| role.fits(f)).cloned().collect();
            for w in wanted {
                if present.iter().any(|p| p == *w) && !list.iter().any(|l| l == *w) {
                    list.push(w.to_string());
                }
            }
            list
        };
        let families = Families {
            title: pick(Role::Title, &TITLE),
            body: pick(Role::Body, &BODY),
            heading: pick(Role::Heading, &HEADING),
            kai: pick(Role::Kai, &KAI),
        };
        if families.body.is_empty() || families.heading.is_empty() || families.title.is_empty() {
            return Err(FontError::NoCjkFont { searched });
        }
        Ok(FontSet {
            dir,
            families,
            files,
        })
    }
}

#[derive(Clone, Copy)]
enum Role {
    Title,
    Body,
    Heading,
    Kai,
}

impl Role {
    /// Whether a family's name suggests this role (黑体 for headings, 仿宋 for the body…);
    /// a name that suggests none fits every role.
    fn fits(self, family: &str) -> bool {
        let f = family.to_lowercase();
        // The first hint that matches decides: 仿宋 (FangSong) is a body face, not a title.
        let hints: [(&[&str], Role); 4] = [
            (&["fang", "仿"], Role::Body),
            (&["kai", "楷"], Role::Kai),
            (&["hei", "黑", "sans", "gothic"], Role::Heading),
            (&["song", "宋", "ming", "serif"], Role::Title),
        ];
        match hints
            .iter()
            .find(|(words, _)| words.iter().any(|w| f.contains(w)))
        {
            Some((_, role)) => std::mem::discriminant(role) == std::mem::discriminant(&self),
            None => true,
        }
    }
}

/// Families of the site's `fonts/` folder alone (typst's embedded fonts left out).
fn site_families(site_root: &Path, typst: &Typst) -> Result<Vec<String>, FontError> {
    let files = site_font_files(site_root)?;
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let empty = tempfile::Builder::new()
        .prefix(&crate::cleanup::temp_prefix("nofonts"))
        .tempdir()?;
    let embedded = typst.families(empty.path())?;
    let dir = linked_dir("sitefonts", &files)?;
    // A CJK collection names one family per region: keep the simplified-Chinese ones,
    // and leave monospaced faces to code.
    let other_regions = [" HK", " JP", " KR", " TC", " TW"];
    Ok(typst
        .families(dir.path())?
        .into_iter()
        .filter(|f| {
            !embedded.contains(f)
                && !f.contains("Mono")
                && !other_regions.iter().any(|r| f.ends_with(r))
        })
        .collect())
}

/// A temp folder holding links to `files` (numbered, so that equal names do not clash).
fn linked_dir(prefix: &str, files: &[PathBuf]) -> std::io::Result<TempDir> {
    let dir = tempfile::Builder::new()
        .prefix(&crate::cleanup::temp_prefix(prefix))
        .tempdir()?;
    for (i, file) in files.iter().enumerate() {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        link_or_copy(file, &dir.path().join(format!("{i:03}-{name}")))?;
    }
    Ok(dir)
}

fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![
        PathBuf::from("/usr/share/fonts"),
        PathBuf::from("/usr/local/share/fonts"),
    ];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(&home).join(".local/share/fonts"));
        dirs.push(PathBuf::from(home).join(".fonts"));
    }
    dirs
}

/// The font files of the site's `fonts/`, each resolved inside the site: a link that
/// leaves it is an error naming the link. A CJK collection is up to 60 MB.
fn site_font_files(site_root: &Path) -> Result<Vec<PathBuf>, FontError> {
    const MAX_FONT_BYTES: u64 = 256 * 1024 * 1024;
    let dir = site_root.join("fonts");
    if std::fs::symlink_metadata(&dir).is_err() {
        return Ok(Vec::new());
    }
    let real = crate::site::guard::resolve_inside(site_root, &dir, "fonts")?;
    font_files(&real, |_| true)
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(&real).unwrap_or(&path).to_string_lossy();
            let name = format!("fonts/{name}");
            Ok(crate::site::guard::checked_file(
                site_root,
                &path,
                &name,
                MAX_FONT_BYTES,
            )?)
        })
        .collect()
}

fn font_files(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() || e.file_type().is_symlink())
        .map(|e| e.into_path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let is_font = [".ttf", ".otf", ".ttc", ".otc"]
                .iter()
                .any(|x| name.ends_with(x));
            is_font && keep(&name.replace(['-', '_', ' '], ""))
        })
        .collect();
    out.sort();
    out
}

#[cfg(unix)]
fn link_or_copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(from, to)
}

#[cfg(not(unix))]
fn link_or_copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::copy(from, to).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_fonts_go_to_the_roles_their_names_suggest() {
        assert!(Role::Heading.fits("SimHei") && !Role::Body.fits("SimHei"));
        assert!(Role::Body.fits("FangSong") && !Role::Title.fits("FangSong"));
        assert!(Role::Kai.fits("LXGW WenKai"));
        assert!(Role::Title.fits("FZXiaoBiaoSong-B05S"));
        assert!(
            Role::Title.fits("HYZhongYuan") && Role::Heading.fits("HYZhongYuan"),
            "no hint: every role"
        );
    }
}
