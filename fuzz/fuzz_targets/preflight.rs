//! Any bytes as a PDF: `preflight::check` never panics, and a report it returns is
//! consistent (a file with an error does not pass).
#![no_main]

use drukwerk::preflight::{self, Options, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = preflight::check(data, &Options::default()) {
        let has_error = report.findings.iter().any(|f| f.severity == Severity::Error);
        assert_eq!(report.passed(), !has_error);
        for f in &report.findings {
            assert!(f.page.is_none_or(|p| p >= 1 && p <= report.pages));
        }
    }
});
