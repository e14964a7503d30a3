//! `anquan merge OUT_1 … OUT_N -o OUT`: joins the outputs of `build --shard K/N` into one
//! site whose files are byte-identical to an unsharded build. Every shard writes the full
//! agency index and the site files (stylesheet, images) and only its own enterprises'
//! folders and manifest entries; merge checks that the shards agree before writing.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::output::manifest::{Manifest, ManifestDocument};
use crate::output::shard::Shard;
use crate::output::writer::{OutputError, Sink, Staging};
use crate::render::bundle::Format;

const MANIFEST: &str = "manifest.json";

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("nothing to merge: name the output folder of every shard")]
    NoShards,
    #[error(
        "{0}: no manifest.json written by anquan: not the output of `anquan build --shard K/N`"
    )]
    NotAnOutput(PathBuf),
    #[error("{0}: built without --shard: merge joins the outputs of `build --shard K/N` only")]
    NotAShard(PathBuf),
    #[error("{first} and {second} do not belong together: {what}")]
    Disagree {
        first: PathBuf,
        second: PathBuf,
        what: String,
    },
    #[error("{first} and {second} are both shard {shard}")]
    SameShard {
        first: PathBuf,
        second: PathBuf,
        shard: Shard,
    },
    #[error("shard {missing} of {count} is missing: merge needs the output of every shard")]
    Missing { missing: String, count: u32 },
    #[error(
        "{file} differs between {first} and {second}: were the shards built from the same site?"
    )]
    FileDiffers {
        file: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("{out} lies inside the shard {shard}: choose another -o folder")]
    Nested { out: PathBuf, shard: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// One shard's output folder and what its manifest says.
struct ShardOutput {
    dir: PathBuf,
    shard: Shard,
    manifest: Manifest,
}

/// Joins the shard outputs `dirs` into `out` (through a staging folder, like a build);
/// returns the number of files written.
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<usize, MergeError> {
    let shards = dirs
        .iter()
        .map(|dir| read_shard(dir))
        .collect::<Result<Vec<_>, _>>()?;
    check_complete(&shards)?;
    check_outside(&shards, out)?;
    let files = shared_files(&shards)?;
    let staging = Staging::new(out)?;
    for (rel, owner) in &files {
        staging.copy(&shards[*owner].dir.join(rel), rel)?;
    }
    let mut manifest = merged_manifest(shards).ok_or(MergeError::NoShards)?;
    // Lists every file, as a full build's manifest does (`written`).
    staging.write_manifest(&mut manifest)?;
    staging.commit()?;
    Ok(files.len() + 1)
}

fn read_shard(dir: &Path) -> Result<ShardOutput, MergeError> {
    let not_ours = || MergeError::NotAnOutput(dir.to_path_buf());
    let text = fs::read_to_string(dir.join(MANIFEST)).map_err(|_| not_ours())?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|_| not_ours())?;
    if !manifest.generator.starts_with("anquan") {
        return Err(not_ours());
    }
    let shard = manifest
        .shard
        .ok_or_else(|| MergeError::NotAShard(dir.to_path_buf()))?;
    Ok(ShardOutput {
        dir: dir.to_path_buf(),
        shard,
        manifest,
    })
}

/// Same generator, date, shard count and agency documents; each K from 1 to N once.
fn check_complete(shards: &[ShardOutput]) -> Result<(), MergeError> {
    let first = shards.first().ok_or(MergeError::NoShards)?;
    let disagree = |other: &ShardOutput, what: String| MergeError::Disagree {
        first: first.dir.clone(),
        second: other.dir.clone(),
        what,
    };
    let (a, count) = (&first.manifest, first.shard.count);
    for other in &shards[1..] {
        let b = &other.manifest;
        if b.generator != a.generator {
            return Err(disagree(
                other,
                format!("built by {} and by {}", a.generator, b.generator),
            ));
        }
        if b.date != a.date {
            return Err(disagree(
                other,
                format!("build dates {} and {}", a.date, b.date),
            ));
        }
        if other.shard.count != count {
            return Err(disagree(
                other,
                format!("shards {} and {}", first.shard, other.shard),
            ));
        }
        let (formats_a, formats_b) = (formats(a), formats(b));
        if !formats_a.is_empty() && !formats_b.is_empty() && formats_a != formats_b {
            let what = "one was built with --html or --pdf, the other not".to_string();
            return Err(disagree(other, what));
        }
        if agency_documents(b) != agency_documents(a) {
            let what = "their agency documents (the index) differ".to_string();
            return Err(disagree(other, what));
        }
    }
    let mut seen: BTreeMap<u32, &Path> = BTreeMap::new();
    for s in shards {
        if let Some(earlier) = seen.insert(s.shard.index, &s.dir) {
            return Err(MergeError::SameShard {
                first: earlier.to_path_buf(),
                second: s.dir.clone(),
                shard: s.shard,
            });
        }
    }
    let missing: Vec<String> = (1..=count)
        .filter(|k| !seen.contains_key(k))
        .map(|k| k.to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(MergeError::Missing {
            missing: missing.join(", "),
            count,
        })
    }
}

/// Staging beside OUT inside a shard would be walked while it is written.
fn check_outside(shards: &[ShardOutput], out: &Path) -> Result<(), MergeError> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let out_abs = absolute(out);
    for s in shards {
        let dir = absolute(&s.dir);
        if out_abs != dir && out_abs.starts_with(&dir) {
            return Err(MergeError::Nested {
                out: out.to_path_buf(),
                shard: s.dir.clone(),
            });
        }
    }
    Ok(())
}

/// The formats of a shard's enterprise files (none for an empty shard).
fn formats(manifest: &Manifest) -> BTreeSet<Format> {
    manifest
        .documents
        .iter()
        .filter(|d| d.enterprise.is_some())
        .flat_map(|d| d.files.keys().copied())
        .collect()
}

fn agency_documents(manifest: &Manifest) -> Vec<&ManifestDocument> {
    manifest
        .documents
        .iter()
        .filter(|d| d.enterprise.is_none())
        .collect()
}

/// Every file of every shard but the manifests, relative path → the shard that supplies
/// it. A file two shards both wrote must be the same bytes.
fn shared_files(shards: &[ShardOutput]) -> Result<BTreeMap<String, usize>, MergeError> {
    let mut files: BTreeMap<String, usize> = BTreeMap::new();
    for (n, shard) in shards.iter().enumerate() {
        for rel in files_of(&shard.dir)? {
            match files.get(&rel) {
                Some(&owner) => same_bytes(&shards[owner].dir, &shard.dir, &rel)?,
                None => {
                    files.insert(rel, n);
                }
            }
        }
    }
    Ok(files)
}

fn files_of(dir: &Path) -> Result<Vec<String>, MergeError> {
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|err| MergeError::Io {
            path: dir.to_path_buf(),
            source: err.into(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if rel != MANIFEST {
            files.push(rel);
        }
    }
    Ok(files)
}

fn same_bytes(first: &Path, second: &Path, rel: &str) -> Result<(), MergeError> {
    let read = |dir: &Path| {
        let path = dir.join(rel);
        fs::read(&path).map_err(|source| MergeError::Io { path, source })
    };
    if read(first)? == read(second)? {
        Ok(())
    } else {
        Err(MergeError::FileDiffers {
            file: rel.to_string(),
            first: first.to_path_buf(),
            second: second.to_path_buf(),
        })
    }
}

/// The manifest an unsharded build writes: the agency documents, then each enterprise's
/// documents in id order (each in its own order), and no shard.
fn merged_manifest(shards: Vec<ShardOutput>) -> Option<Manifest> {
    let mut shards = shards.into_iter();
    let mut merged = Manifest {
        shard: None,
        ..shards.next()?.manifest
    };
    for other in shards {
        merged.enterprises.extend(other.manifest.enterprises);
        merged.documents.extend(
            other
                .manifest
                .documents
                .into_iter()
                .filter(|d| d.enterprise.is_some()),
        );
    }
    merged.enterprises.sort_by(|a, b| a.id.cmp(&b.id));
    // Stable: agency documents (no enterprise) first, each enterprise's order kept.
    merged
        .documents
        .sort_by(|a, b| a.enterprise.cmp(&b.enterprise));
    Some(merged)
}
