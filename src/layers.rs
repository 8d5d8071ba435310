//! The modules of the UI and of the engine form one-way layers: a module never reaches, through
//! the modules it uses, back to itself. A circle makes each end impossible to read or test
//! without the other (issue #24 found two: plan ⇄ recommend, browser → i18n → state → browser).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of the crate rooted at `dir` and the sibling modules its non-test code
/// names as `crate::<module>` (or `use crate::{a, b}`).
fn uses(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap();
            let first = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let module = first.trim_end_matches(".rs").to_owned();
            if module == "lib" || module == "main" || module == "layers" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Code only: not the tests, and not comments (a doc link names a module it does
            // not use).
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or("")
                .lines()
                .map(|line| line.split("//").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            let deps = out.entry(module.clone()).or_default();
            for (i, _) in code.match_indices("crate::") {
                let rest = &code[i + 7..];
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    Some(list) => list.split('}').next().unwrap_or("").split(',').collect(),
                    None => vec![rest],
                };
                for name in names {
                    let name: String = name
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != module {
                        deps.insert(name);
                    }
                }
            }
        }
    }
    // Only names that are modules (`crate::Catalog` is a re-export, not a layer).
    let modules: BTreeSet<String> = out.keys().cloned().collect();
    for deps in out.values_mut() {
        deps.retain(|d| modules.contains(d));
    }
    out
}

/// A circle through `start`, if there is one, as the path that closes it.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in graph.get(last).into_iter().flatten() {
            if next == start {
                let mut closed = path.clone();
                closed.push(next.clone());
                return Some(closed);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

fn assert_one_way(dir: &Path) {
    let graph = uses(dir);
    assert!(graph.len() > 5, "{}: too few modules found", dir.display());
    for module in graph.keys() {
        if let Some(path) = circle(&graph, module) {
            panic!(
                "{}: modules in a circle: {}",
                dir.display(),
                path.join(" → ")
            );
        }
    }
}

#[test]
fn the_ui_modules_use_each_other_one_way() {
    assert_one_way(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
}

#[test]
fn the_engine_modules_use_each_other_one_way() {
    assert_one_way(&Path::new(env!("CARGO_MANIFEST_DIR")).join("engine/src"));
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(
        circle(&graph, "a").map(|p| p.join(" ")),
        Some("a b c a".into())
    );
    assert_eq!(circle(&graph, "d"), None);
}
