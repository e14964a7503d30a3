//! The typst CLI, called as a process (pinned to 0.15): finding it, checking its version,
//! and compiling a sandboxed project with bundle export.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The typst version anquan is written for; bundle export needs 0.15.
pub const TYPST_VERSION: &str = "0.15.1";
pub const INSTALL_HINT: &str = "cargo install --locked typst-cli@0.15.1";

#[derive(Debug, thiserror::Error)]
pub enum TypstError {
    #[error(
        "typst not found ({binary}): install it with `{INSTALL_HINT}`, or set ANQUAN_TYPST to its path"
    )]
    Missing { binary: String },
    #[error("typst {found} found ({binary}), but anquan needs typst 0.15.x: `{INSTALL_HINT}`")]
    Version { binary: String, found: String },
    #[error("running {binary}: {source}")]
    Spawn {
        binary: String,
        source: std::io::Error,
    },
}

#[derive(Debug, Clone)]
pub struct Typst {
    pub binary: PathBuf,
    pub version: String,
}

/// What one compile printed: errors fail the document, warnings are passed on.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl Typst {
    /// `ANQUAN_TYPST` if set, else `typst` on PATH; its version must be 0.15.x.
    pub fn locate(override_path: Option<&str>) -> Result<Typst, TypstError> {
        let binary = PathBuf::from(override_path.filter(|p| !p.is_empty()).unwrap_or("typst"));
        let shown = binary.display().to_string();
        let output = Command::new(&binary)
            .arg("--version")
            .output()
            .map_err(|_| TypstError::Missing {
                binary: shown.clone(),
            })?;
        let text = String::from_utf8_lossy(&output.stdout);
        let version = text.split_whitespace().nth(1).unwrap_or("").to_string();
        if !output.status.success() || !version.starts_with("0.15.") {
            return Err(TypstError::Version {
                binary: shown,
                found: if version.is_empty() {
                    text.trim().to_string()
                } else {
                    version
                },
            });
        }
        Ok(Typst { binary, version })
    }

    /// Lists the font families typst sees in `font_dir` alone.
    pub fn families(&self, font_dir: &Path) -> Result<Vec<String>, TypstError> {
        let output = Command::new(&self.binary)
            .args(["fonts", "--ignore-system-fonts", "--font-path"])
            .arg(font_dir)
            .output()
            .map_err(|source| TypstError::Spawn {
                binary: self.binary.display().to_string(),
                source,
            })?;
        Ok(String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect())
    }

    /// Compiles `root/main.typ` as a bundle into `out_dir`. Only `root` is readable
    /// (`--root`), only `font_dir` supplies fonts, and the creation date is fixed.
    pub fn compile_bundle(
        &self,
        root: &Path,
        out_dir: &Path,
        font_dir: &Path,
        timestamp: i64,
    ) -> Result<Diagnostics, TypstError> {
        self.compile(
            root,
            "main.typ",
            out_dir,
            &["--format", "bundle", "--features", "bundle"],
            font_dir,
            timestamp,
        )
    }

    /// Compiles one file of the sandbox to a single PDF (to find which document fails).
    pub fn compile_single(
        &self,
        root: &Path,
        input: &str,
        font_dir: &Path,
        timestamp: i64,
    ) -> Result<Diagnostics, TypstError> {
        self.compile(
            root,
            input,
            &root.join("single.pdf"),
            &[],
            font_dir,
            timestamp,
        )
    }

    fn compile(
        &self,
        root: &Path,
        input: &str,
        out: &Path,
        format: &[&str],
        font_dir: &Path,
        timestamp: i64,
    ) -> Result<Diagnostics, TypstError> {
        // Run inside the sandbox so that messages name `document.typ:12:3`, not temp paths.
        let output = Command::new(&self.binary)
            .current_dir(root)
            .arg("compile")
            .arg(input)
            .arg(out)
            .args(format)
            .args(["--diagnostic-format", "short"])
            .arg("--root")
            .arg(root)
            .arg("--ignore-system-fonts")
            .arg("--font-path")
            .arg(font_dir)
            .arg("--creation-timestamp")
            .arg(timestamp.to_string())
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("TYPST_FONT_PATHS")
            .env_remove("TYPST_ROOT")
            .output()
            .map_err(|source| TypstError::Spawn {
                binary: self.binary.display().to_string(),
                source,
            })?;
        let mut diagnostics = parse_diagnostics(&String::from_utf8_lossy(&output.stderr));
        if !output.status.success() && diagnostics.errors.is_empty() {
            diagnostics
                .errors
                .push(format!("typst exited with {}", output.status));
        }
        Ok(diagnostics)
    }
}

/// Splits typst's short diagnostics into errors and warnings, leaving out the notice that
/// bundle export is experimental (anquan opts into it knowingly).
fn parse_diagnostics(stderr: &str) -> Diagnostics {
    let mut d = Diagnostics::default();
    for line in stderr.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.contains("bundle export is experimental")
            || line.starts_with("= hint")
            || line.starts_with("hint:")
        {
            continue;
        }
        if line.contains("error:") {
            d.errors.push(line.to_string());
        } else if line.contains("warning:") {
            d.warnings.push(line.to_string());
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_short_diagnostics() {
        let d = parse_diagnostics(
            "warning: bundle export is experimental\n = hint: its behaviour may change\nmain.typ:3:5: error: unknown variable: x\nmain.typ:9:1: warning: unknown font family: simsun\n",
        );
        assert_eq!(d.errors, ["main.typ:3:5: error: unknown variable: x"]);
        assert_eq!(
            d.warnings,
            ["main.typ:9:1: warning: unknown font family: simsun"]
        );
    }

    #[test]
    fn a_missing_binary_names_the_install_command() {
        let err = Typst::locate(Some("/nonexistent/typst")).unwrap_err();
        assert!(err.to_string().contains(INSTALL_HINT), "{err}");
    }
}
