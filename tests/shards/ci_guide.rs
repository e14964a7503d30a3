//! docs/ci.md: its two pipelines parse (serde-saphyr) and hold what a runner needs.

use crate::common::*;

/// The fenced ```yaml blocks of a Markdown file, parsed into generic values.
fn yaml_blocks(markdown: &str) -> Vec<serde_json::Value> {
    markdown
        .split("```yaml\n")
        .skip(1)
        .map(|rest| {
            let block = rest.split("\n```").next().expect("a closing fence");
            serde_saphyr::from_str::<serde_json::Value>(block)
                .unwrap_or_else(|e| panic!("a yaml block of docs/ci.md does not parse: {e}"))
        })
        .collect()
}

/// Every string inside a value (a job's steps, scripts, caches …).
fn strings(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(s) => vec![s.clone()],
        serde_json::Value::Array(items) => items.iter().flat_map(strings).collect(),
        serde_json::Value::Object(map) => map.values().flat_map(strings).collect(),
        _ => Vec::new(),
    }
}

/// The job (name, body) of a workflow whose strings include `needle`.
fn job_with<'a>(
    jobs: &'a serde_json::Map<String, serde_json::Value>,
    needle: &str,
) -> (&'a str, &'a serde_json::Value) {
    jobs.iter()
        .find(|(_, job)| strings(job).iter().any(|s| s.contains(needle)))
        .map(|(name, job)| (name.as_str(), job))
        .unwrap_or_else(|| panic!("no job runs `{needle}`"))
}

/// N of the `--shard K/N` in a job's commands.
fn shard_count(job: &serde_json::Value, k: &str) -> u64 {
    let marker = format!("--shard {k}/");
    let command = strings(job)
        .into_iter()
        .find(|s| s.contains(&marker))
        .unwrap_or_else(|| panic!("no `{marker}N` in the build job"));
    let after = &command[command.find(&marker).unwrap() + marker.len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().expect("N of --shard K/N")
}

fn ci_guide() -> Vec<serde_json::Value> {
    let blocks = yaml_blocks(&read(&repo().join("docs/ci.md")));
    assert_eq!(
        blocks.len(),
        2,
        "docs/ci.md has the GitHub and the GitLab workflow"
    );
    blocks
}

#[test]
fn the_github_workflow_parses_and_runs_shards_cache_merge_and_pages() {
    let github = &ci_guide()[0];
    let jobs = github["jobs"].as_object().expect("jobs");
    assert!(github.get("on").is_some(), "a trigger");
    let (build, job) = job_with(jobs, "anquan build");
    let matrix = &job["strategy"]["matrix"]["shard"];
    let n = shard_count(job, "${{ matrix.shard }}");
    assert_eq!(*matrix, serde_json::json!((1..=n).collect::<Vec<_>>()));
    let cache = job["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .expect("the build job restores the cache");
    assert_eq!(cache["with"]["path"], ".anquan/cache");
    let key = cache["with"]["key"].as_str().expect("cache key");
    assert!(
        key.contains("hashFiles(")
            && key.contains("ANQUAN_VERSION")
            && key.contains("matrix.shard")
    );
    assert!(
        strings(job)
            .iter()
            .any(|s| s.starts_with("actions/upload-artifact@"))
    );
    let (_, merge) = job_with(jobs, "anquan merge");
    assert_eq!(merge["needs"], build);
    let (_, check) = job_with(jobs, "anquan check");
    assert!(
        strings(check)
            .iter()
            .any(|s| s.contains("anquan check . --format json"))
    );
    job_with(jobs, "actions/deploy-pages@");
}

#[test]
fn the_gitlab_pipeline_parses_and_runs_parallel_shards_cache_merge_and_pages() {
    let gitlab = &ci_guide()[1];
    let jobs = gitlab.as_object().expect("a mapping of jobs");
    let (build, job) = job_with(jobs, "anquan build");
    assert!(
        job["parallel"].as_u64().is_some_and(|p| p > 1),
        "parallel: N"
    );
    assert!(
        strings(job)
            .iter()
            .any(|s| s.contains("--shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\""))
    );
    assert!(strings(&job["cache"]).iter().any(|s| s == ".anquan/cache/"));
    assert!(
        strings(&job["cache"])
            .iter()
            .any(|s| s.contains("$CI_NODE_INDEX"))
    );
    assert!(!strings(&job["artifacts"]).is_empty());
    let pages = &jobs["pages"];
    assert!(
        strings(pages)
            .iter()
            .any(|s| s.starts_with("anquan merge "))
    );
    assert_eq!(pages["needs"], serde_json::json!([build]));
    assert_eq!(pages["artifacts"]["paths"], serde_json::json!(["public/"]));
    let (_, check) = job_with(jobs, "anquan check");
    assert!(
        strings(check)
            .iter()
            .any(|s| s.contains("anquan check . --format json"))
    );
}

#[test]
fn the_ci_guide_uses_only_flags_anquan_has() {
    for block in ci_guide() {
        for line in strings(&block)
            .iter()
            .flat_map(|s| s.lines().map(str::to_string).collect::<Vec<_>>())
        {
            let Some(at) = line.find("anquan ") else {
                continue;
            };
            let words: Vec<&str> = line[at..].split_whitespace().collect();
            let Some(sub) = words
                .get(1)
                .filter(|w| ["build", "check", "merge", "doctor"].contains(w))
            else {
                continue;
            };
            let help = String::from_utf8_lossy(&anquan(&[sub, "--help"]).stdout).into_owned();
            for flag in words.iter().filter(|w| w.starts_with("--")) {
                assert!(
                    help.contains(flag),
                    "`anquan {sub}` has no {flag} (in: {line})"
                );
            }
        }
    }
}
