//! "Did you mean …?" suggestions for misspelt names, fields and ids.

use unicode_normalization::UnicodeNormalization;

/// Folds a name for forgiving comparison: lowercase, diacritics removed, punctuation and
/// spaces dropped (`Súdwest-Fryslân` → `sudwestfryslan`).
pub fn fold(name: &str) -> String {
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The candidates closest to `wrong`, best first, that are similar enough to suggest.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let folded = fold(wrong);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&folded, &fold(c)), c))
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let best = scored.first().map_or(0.0, |s| s.0);
    // Only offer the runners-up that are about as good as the best one.
    scored
        .into_iter()
        .take_while(|(score, _)| best - score < 0.03)
        .take(3)
        .map(|(_, c)| c)
        .collect()
}

/// The single best suggestion, if any.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(wrong, candidates).into_iter().next()
}

/// Like [`fold`] but keeps word boundaries as spaces (for slugs): lowercase ASCII-ish words.
pub fn fold_keep_spaces(name: &str) -> String {
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_punctuation() {
        assert_eq!(fold("Súdwest-Fryslân"), "sudwestfryslan");
        assert_eq!(fold("'s-Hertogenbosch"), "shertogenbosch");
    }

    #[test]
    fn suggests_close_names() {
        let names = ["Veenendaal", "Voerendaal", "Veendam", "Amsterdam"];
        assert_eq!(did_you_mean("Veendaal", names), Some("Veenendaal"));
        assert_eq!(
            did_you_mean("municiplaities", ["municipalities", "name"]),
            Some("municipalities")
        );
        assert_eq!(did_you_mean("xyz", names), None);
    }
}
