//! Three-way merge of a content file's fields, for a save whose version is no longer the
//! file's: what the user changed and what changed on disk meanwhile are combined field by
//! field; a field both changed differently is a conflict for the user to decide.

use serde::Serialize;
use serde_json::{Map, Value as Json};

/// A field both sides changed, differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The field's path (`figures.students`, `allow[0].reason`).
    pub field: String,
    /// The value both started from (`null` when unknown or absent).
    pub base: Json,
    /// The value in the save.
    pub mine: Json,
    /// The value in the file now.
    pub theirs: Json,
}

/// Merges `mine` and `theirs`, both made from `base` (`None`: the base is unknown, so every
/// difference is a conflict). The merged value takes each side's changes; for a conflict it
/// holds `mine`, so the user's typing stays in the form until they choose.
pub fn merge(base: Option<&Json>, mine: &Json, theirs: &Json) -> (Json, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    let merged = walk(base, mine, theirs, "", &mut conflicts);
    (merged, conflicts)
}

fn walk(
    base: Option<&Json>,
    mine: &Json,
    theirs: &Json,
    path: &str,
    conflicts: &mut Vec<Conflict>,
) -> Json {
    if mine == theirs {
        return mine.clone();
    }
    if let Some(base) = base {
        if mine == base {
            return theirs.clone();
        }
        if theirs == base {
            return mine.clone();
        }
    }
    match (mine, theirs) {
        (Json::Object(m), Json::Object(t)) => {
            let b = base.and_then(Json::as_object);
            let mut keys: Vec<&String> = m.keys().chain(t.keys()).collect();
            keys.sort();
            keys.dedup();
            let mut out = Map::new();
            for key in keys {
                let child = join(path, key);
                let value = walk(
                    b.map(|b| b.get(key).unwrap_or(&Json::Null))
                        .or(base.map(|_| &Json::Null)),
                    m.get(key).unwrap_or(&Json::Null),
                    t.get(key).unwrap_or(&Json::Null),
                    &child,
                    conflicts,
                );
                if !value.is_null() {
                    out.insert(key.clone(), value);
                }
            }
            Json::Object(out)
        }
        (Json::Array(m), Json::Array(t))
            if m.len() == t.len()
                && base
                    .and_then(Json::as_array)
                    .is_some_and(|b| b.len() == m.len())
                && m.iter().all(Json::is_object) =>
        {
            let b = base.and_then(Json::as_array);
            Json::Array(
                m.iter()
                    .zip(t)
                    .enumerate()
                    .map(|(i, (m, t))| {
                        walk(
                            b.and_then(|b| b.get(i)),
                            m,
                            t,
                            &format!("{path}[{i}]"),
                            conflicts,
                        )
                    })
                    .collect(),
            )
        }
        _ => {
            conflicts.push(Conflict {
                field: path.to_string(),
                base: base.cloned().unwrap_or(Json::Null),
                mine: mine.clone(),
                theirs: theirs.clone(),
            });
            mine.clone()
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changes_to_different_fields_merge() {
        let base = json!({"name": "A", "figures": {"students": 1, "po-boards": 2}});
        let mine = json!({"name": "A", "figures": {"students": 5, "po-boards": 2}});
        let theirs = json!({"name": "B", "figures": {"students": 1, "po-boards": 3}});
        let (merged, conflicts) = merge(Some(&base), &mine, &theirs);
        assert!(conflicts.is_empty());
        assert_eq!(
            merged,
            json!({"name": "B", "figures": {"students": 5, "po-boards": 3}})
        );
    }

    #[test]
    fn the_same_field_changed_twice_is_a_conflict() {
        let base = json!({"figures": {"students": 1}});
        let mine = json!({"figures": {"students": 5}});
        let theirs = json!({"figures": {"students": 7}});
        let (merged, conflicts) = merge(Some(&base), &mine, &theirs);
        assert_eq!(merged, mine);
        assert_eq!(
            conflicts,
            [Conflict {
                field: "figures.students".into(),
                base: json!(1),
                mine: json!(5),
                theirs: json!(7)
            }]
        );
    }

    #[test]
    fn entries_of_a_list_of_tables_merge_one_by_one() {
        let base = json!({"allow": [{"lint": "a", "reason": "x"}, {"lint": "b", "reason": "y"}]});
        let mine = json!({"allow": [{"lint": "a", "reason": "x2"}, {"lint": "b", "reason": "y"}]});
        let theirs =
            json!({"allow": [{"lint": "a", "reason": "x"}, {"lint": "b", "reason": "y2"}]});
        let (merged, conflicts) = merge(Some(&base), &mine, &theirs);
        assert!(conflicts.is_empty());
        assert_eq!(
            merged,
            json!({"allow": [{"lint": "a", "reason": "x2"}, {"lint": "b", "reason": "y2"}]})
        );
    }

    #[test]
    fn an_unknown_base_makes_every_difference_a_conflict() {
        let mine = json!({"name": "A", "year": 1});
        let theirs = json!({"name": "B", "year": 1});
        let (_, conflicts) = merge(None, &mine, &theirs);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, "name");
    }
}
