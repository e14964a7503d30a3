//! Rendering one enterprise's bundle with every renderer (from the cache where its input
//! is unchanged) and writing the files its plan names.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::BuildError;
use crate::cache::Cache;
use crate::output::writer::Sink;
use crate::render::bundle::{Bundle, Format, Rendered, Renderer, Target};

/// Files written per format, and the time each format took, summed over the enterprises
/// (built in parallel).
#[derive(Default)]
pub struct Counts {
    pub files: BTreeMap<Format, usize>,
    pub time: BTreeMap<Format, Duration>,
    /// Enterprises whose files of a format came from the cache.
    pub cached: BTreeMap<Format, usize>,
    pub warnings: Vec<String>,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        for (format, n) in other.files {
            *self.files.entry(format).or_default() += n;
        }
        for (format, t) in other.time {
            *self.time.entry(format).or_default() += t;
        }
        for (format, n) in other.cached {
            *self.cached.entry(format).or_default() += n;
        }
        self.warnings.extend(other.warnings);
    }

    pub fn of(&self, format: Format) -> usize {
        self.files.get(&format).copied().unwrap_or_default()
    }
}

/// Every renderer's files for one bundle, rendered but not yet written. With a cache,
/// a renderer whose input is unchanged gives its files from there.
pub fn render_all(
    bundle: &Bundle,
    renderers: &[&dyn Renderer],
    cache: Option<&Cache>,
) -> Result<Vec<(Format, Rendered, Duration)>, BuildError> {
    renderers
        .iter()
        .map(|renderer| {
            let started = Instant::now();
            let format = renderer.format();
            let key = cache.and_then(|_| renderer.cache_key(bundle));
            if let (Some(cache), Some(key)) = (cache, &key)
                && let Some(rendered) = from_cache(cache, key, bundle, format)
            {
                return Ok((format, rendered, started.elapsed()));
            }
            let rendered = renderer.render(bundle)?;
            if let (Some(cache), Some(key)) = (cache, &key) {
                store(cache, key, bundle, format, &rendered);
            }
            Ok((format, rendered, started.elapsed()))
        })
        .collect()
}

/// A cache entry holds one file per planned file of the format, by the plan's names.
fn from_cache(cache: &Cache, key: &str, bundle: &Bundle, format: Format) -> Option<Rendered> {
    let planned: Vec<_> = bundle
        .plan
        .files
        .iter()
        .filter(|p| p.format == format)
        .collect();
    let files = cache.get(key)?;
    if files.len() != planned.len() {
        return None;
    }
    let cached = files
        .into_iter()
        .map(|(name, path)| {
            let target = planned.iter().find(|p| p.name == name)?.target;
            Some((target, path))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Rendered {
        cached,
        from_cache: true,
        ..Rendered::default()
    })
}

fn store(cache: &Cache, key: &str, bundle: &Bundle, format: Format, rendered: &Rendered) {
    let files: Option<Vec<(&str, &[u8])>> = rendered
        .artifacts
        .iter()
        .map(|a| Some((bundle.plan.name(format, a.target)?, a.bytes.as_slice())))
        .collect();
    // A cache that cannot be written costs time on the next build, never this one.
    if let Some(files) = files {
        let _ = cache.put(key, &files);
    }
}

/// Writes rendered files under the names the plan gives them.
pub fn write_rendered(
    bundle: &Bundle,
    rendered: Vec<(Format, Rendered, Duration)>,
    sink: &dyn Sink,
) -> Result<Counts, BuildError> {
    let mut counts = Counts::default();
    for (format, rendered, time) in rendered {
        let planned_path = |target: Target| {
            let planned = bundle
                .plan
                .files
                .iter()
                .find(|p| p.format == format && p.target == target)
                .ok_or_else(|| {
                    BuildError::Asset(format!(
                        "{}: a {} file that was not planned",
                        bundle.id(),
                        format.as_str()
                    ))
                })?;
            Ok::<_, BuildError>(bundle.plan.path(planned))
        };
        for artifact in rendered.artifacts {
            sink.write(&planned_path(artifact.target)?, &artifact.bytes)?;
            *counts.files.entry(format).or_default() += 1;
        }
        for (target, path) in rendered.cached {
            sink.share(&path, &planned_path(target)?)?;
            *counts.files.entry(format).or_default() += 1;
        }
        *counts.time.entry(format).or_default() += time;
        if rendered.from_cache {
            *counts.cached.entry(format).or_default() += 1;
        }
        counts.warnings.extend(rendered.warnings);
    }
    Ok(counts)
}
