//! Preflight of what concerns the whole document: version, encryption, output intent,
//! identification (XMP and Info), JavaScript, actions and embedded files.

use lopdf::{Dictionary, Document, Object};

use super::Finding;
use super::objects::{self, get, get_name};
use crate::i18n::Msg;
use crate::icc::IccProfile;
use crate::msg;

/// The PDF version in effect: the header's, or the catalog's `/Version` when that is later.
pub fn version(doc: &Document) -> String {
    let header = doc.version.trim().to_string();
    let catalog = doc
        .catalog()
        .ok()
        .and_then(|c| get_name(doc, c, b"Version"))
        .map(|n| String::from_utf8_lossy(n).into_owned());
    match catalog {
        Some(v) if parse_version(&v) > parse_version(&header) => v,
        _ => header,
    }
}

/// `1.6` → (1, 6); anything unreadable sorts first.
fn parse_version(v: &str) -> (u32, u32) {
    let mut parts = v.trim().splitn(2, '.');
    let major = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let minor = parts
        .next()
        .and_then(|p| p.get(..1))
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    (major, minor)
}

/// Every document-wide check.
pub fn check(doc: &Document, version: &str, findings: &mut Vec<Finding>) {
    if parse_version(version) > (1, 6) {
        findings.push(
            Finding::error(
                "pdf-version",
                msg!("preflight-pdf-version", version = version),
            )
            .with_help(msg!("preflight-pdf-version.help")),
        );
    }
    if doc.was_encrypted() || doc.is_encrypted() {
        findings.push(
            Finding::error("encrypted", msg!("preflight-encrypted"))
                .with_help(msg!("preflight-encrypted.help")),
        );
    }
    let Ok(catalog) = doc.catalog() else {
        findings.push(
            Finding::error("no-catalog", msg!("preflight-no-catalog"))
                .with_help(msg!("preflight-export-again")),
        );
        return;
    };
    output_intent(doc, catalog, findings);
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| objects::dict(doc, o));
    identification(doc, catalog, info, findings);
    interactive(doc, catalog, findings);
}

/// Exactly one PDF/X output intent with an embedded CMYK output profile.
fn output_intent(doc: &Document, catalog: &Dictionary, findings: &mut Vec<Finding>) {
    let intents: Vec<&Dictionary> = get(doc, catalog, b"OutputIntents")
        .and_then(|o| o.as_array().ok())
        .map(|a| a.iter().filter_map(|i| objects::dict(doc, i)).collect())
        .unwrap_or_default();
    let pdfx: Vec<&Dictionary> = intents
        .into_iter()
        .filter(|d| get_name(doc, d, b"S") == Some(b"GTS_PDFX"))
        .collect();
    let intent = match pdfx.as_slice() {
        [] => {
            findings.push(
                Finding::error("no-output-intent", msg!("preflight-no-output-intent"))
                    .with_help(msg!("preflight-no-output-intent.help")),
            );
            return;
        }
        [one] => *one,
        [first, ..] => {
            findings.push(
                Finding::error(
                    "several-output-intents",
                    msg!("preflight-several-output-intents", count = pdfx.len()),
                )
                .with_help(msg!("preflight-several-output-intents.help")),
            );
            *first
        }
    };
    let identifier =
        get(doc, intent, b"OutputConditionIdentifier").and_then(|o| objects::text(doc, o));
    if identifier.is_none_or(|i| i.trim().is_empty()) {
        findings.push(
            Finding::error("output-intent", msg!("preflight-no-output-condition"))
                .with_help(msg!("preflight-no-output-condition.help")),
        );
    }
    let profile_id = objects::id(intent, b"DestOutputProfile");
    let Some(stream) = intent
        .get(b"DestOutputProfile")
        .ok()
        .and_then(|o| objects::stream(doc, o))
    else {
        findings.push(
            Finding::error("no-output-profile", msg!("preflight-no-output-profile"))
                .with_help(msg!("preflight-no-output-profile.help")),
        );
        return;
    };
    let bad = |message: Msg| {
        Finding::error("output-profile", message)
            .in_object(profile_id)
            .with_help(msg!("preflight-output-profile-help"))
    };
    let Some(bytes) = objects::content(stream) else {
        findings.push(bad(msg!("preflight-output-profile-packed")));
        return;
    };
    let profile = match IccProfile::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            findings.push(bad(msg!(
                "preflight-output-profile-unusable",
                reason = e.message()
            )));
            return;
        }
    };
    if &profile.class != b"prtr" {
        findings.push(bad(msg!(
            "preflight-output-profile-class",
            class = profile.class_msg()
        )));
    } else if &profile.colour_space != b"CMYK" {
        findings.push(
            Finding::warning(
                "output-profile",
                msg!(
                    "preflight-output-profile-space",
                    space = profile.space_name()
                ),
            )
            .in_object(profile_id)
            .with_help(msg!("preflight-output-profile-space.help")),
        );
    }
    let components: Option<u8> = match &profile.colour_space {
        b"CMYK" => Some(4),
        b"RGB " => Some(3),
        b"GRAY" => Some(1),
        _ => None,
    };
    let n = objects::get_number(doc, &stream.dict, b"N");
    if let Some(components) = components
        && n != Some(f64::from(components))
    {
        findings.push(bad(match n {
            Some(n) => msg!(
                "preflight-output-profile-components",
                n = n.to_string(),
                components = components
            ),
            None => msg!(
                "preflight-output-profile-no-components",
                components = components
            ),
        }));
    }
}

/// The PDF/X identification and metadata (XMP), and the Info dictionary in step with it.
fn identification(
    doc: &Document,
    catalog: &Dictionary,
    info: Option<&Dictionary>,
    findings: &mut Vec<Finding>,
) {
    let metadata_id = objects::id(catalog, b"Metadata");
    let xmp = get(doc, catalog, b"Metadata")
        .and_then(|o| objects::stream(doc, o))
        .and_then(objects::content)
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    let Some(xmp) = xmp else {
        findings.push(
            Finding::error("no-xmp", msg!("preflight-no-xmp"))
                .with_help(msg!("preflight-no-xmp.help")),
        );
        return;
    };
    let missing = |what: Msg, property: &str| {
        Finding::error(
            "xmp",
            msg!("preflight-xmp-missing", what = what, property = property),
        )
        .in_object(metadata_id)
        .with_help(msg!("preflight-xmp-missing.help"))
    };
    match xmp_property(&xmp, "pdfxid:GTS_PDFXVersion") {
        None => findings.push(
            Finding::error("no-pdfx-id", msg!("preflight-no-pdfx-id"))
                .in_object(metadata_id)
                .with_help(msg!("preflight-no-pdfx-id.help")),
        ),
        Some(v) if !v.starts_with("PDF/X-4") => findings.push(
            Finding::error("no-pdfx-id", msg!("preflight-other-pdfx", version = v))
                .in_object(metadata_id)
                .with_help(msg!("preflight-other-pdfx.help")),
        ),
        Some(_) => {}
    }
    let trapped = xmp_property(&xmp, "pdf:Trapped");
    if !matches!(trapped.as_deref(), Some("True" | "False")) {
        findings.push(
            Finding::error(
                "trapped",
                match trapped.as_deref() {
                    Some(value) => msg!("preflight-trapped", value = value),
                    None => msg!("preflight-trapped-missing"),
                },
            )
            .in_object(metadata_id)
            .with_help(msg!("preflight-trapped.help")),
        );
    }
    let title = xmp_property(&xmp, "dc:title");
    if title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        findings.push(missing(msg!("preflight-xmp-title"), "dc:title"));
    }
    for (what, property) in [
        (msg!("preflight-xmp-create-date"), "xmp:CreateDate"),
        (msg!("preflight-xmp-modify-date"), "xmp:ModifyDate"),
        (msg!("preflight-xmp-document-id"), "xmpMM:DocumentID"),
        (msg!("preflight-xmp-version-id"), "xmpMM:VersionID"),
        (
            msg!("preflight-xmp-rendition-class"),
            "xmpMM:RenditionClass",
        ),
    ] {
        if xmp_property(&xmp, property).is_none() {
            findings.push(missing(what, property));
        }
    }
    // The Info dictionary may repeat these; where it does, it must agree.
    let Some(info) = info else { return };
    let info_text = |key: &[u8]| get(doc, info, key).and_then(|o| objects::text(doc, o));
    if let (Some(a), Some(b)) = (info_text(b"Title"), &title)
        && a.trim() != b.trim()
    {
        findings.push(
            Finding::error(
                "info-xmp-mismatch",
                msg!("preflight-info-title", info = a, xmp = b),
            )
            .with_help(msg!("preflight-info-title.help")),
        );
    }
    if let Some(t) = get_name(doc, info, b"Trapped")
        && trapped.as_deref().is_some_and(|x| x.as_bytes() != t)
    {
        findings.push(
            Finding::error(
                "info-xmp-mismatch",
                msg!("preflight-info-trapped", value = String::from_utf8_lossy(t)),
            )
            .with_help(msg!("preflight-info-trapped.help")),
        );
    }
    if let Some(v) = info_text(b"GTS_PDFXVersion")
        && xmp_property(&xmp, "pdfxid:GTS_PDFXVersion").is_some_and(|x| x != v)
    {
        findings.push(
            Finding::error(
                "info-xmp-mismatch",
                msg!("preflight-info-version", version = v),
            )
            .with_help(msg!("preflight-info-trapped.help")),
        );
    }
}

/// The value of a simple XMP property, written as an element (`<p>v</p>`, or a language
/// alternative `<p><rdf:Alt><rdf:li …>v</rdf:li></rdf:Alt></p>`) or as an attribute (`p="v"`).
/// Prefixes are taken as conventionally bound (`pdfxid`, `pdf`, `dc`, `xmp`, `xmpMM`).
pub fn xmp_property(xmp: &str, property: &str) -> Option<String> {
    let open = format!("<{property}");
    let mut from = 0;
    while let Some(at) = xmp.get(from..)?.find(&open) {
        let start = from + at + open.len();
        let rest = xmp.get(start..)?;
        // `<pdf:Trapped>` but not `<pdf:TrappedX>`.
        if rest.starts_with('>') || rest.starts_with(char::is_whitespace) {
            let close = format!("</{property}>");
            let body_start = rest.find('>')? + 1;
            if rest[..body_start].ends_with("/>") {
                from = start;
                continue;
            }
            let body = &rest[body_start..body_start + rest[body_start..].find(&close)?];
            let value = match body.find("<rdf:li") {
                Some(li) => {
                    let li = &body[li..];
                    let text_start = li.find('>')? + 1;
                    let text_end = li.find("</rdf:li>")?;
                    li.get(text_start..text_end)?
                }
                None => body,
            };
            return Some(unescape(value.trim()));
        }
        from = start;
    }
    let attribute = format!("{property}=");
    let at = xmp.find(&attribute)? + attribute.len();
    let quote = xmp.get(at..at + 1)?;
    if quote != "\"" && quote != "'" {
        return None;
    }
    let end = xmp.get(at + 1..)?.find(quote)?;
    Some(unescape(xmp.get(at + 1..at + 1 + end)?.trim()))
}

/// XML character references and the predefined entities.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(end) = tail.find(';').filter(|e| *e < 12) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Action types that make a PDF interactive. GoTo (a jump within the file) is harmless.
const ACTIONS: &[&[u8]] = &[
    b"JavaScript",
    b"Launch",
    b"URI",
    b"GoToR",
    b"GoToE",
    b"SubmitForm",
    b"ResetForm",
    b"ImportData",
    b"Sound",
    b"Movie",
    b"Rendition",
    b"Hide",
    b"SetOCGState",
    b"GoTo3DView",
    b"Named",
];

/// At most this many action objects are reported one by one.
const MAX_ACTION_FINDINGS: usize = 10;

/// JavaScript, actions, forms and embedded files.
fn interactive(doc: &Document, catalog: &Dictionary, findings: &mut Vec<Finding>) {
    let names = get(doc, catalog, b"Names").and_then(|o| objects::dict(doc, o));
    if names.is_some_and(|n| n.has(b"JavaScript")) {
        findings.push(
            Finding::error("javascript", msg!("preflight-javascript"))
                .with_help(msg!("preflight-javascript.help")),
        );
    }
    if names.is_some_and(|n| n.has(b"EmbeddedFiles")) {
        findings.push(
            Finding::error("embedded-file", msg!("preflight-embedded-file"))
                .with_help(msg!("preflight-embedded-file.help")),
        );
    }
    if catalog.has(b"AA") {
        findings.push(
            Finding::error("action", msg!("preflight-document-actions"))
                .with_help(msg!("preflight-document-actions.help")),
        );
    }
    if let Some(open) = get(doc, catalog, b"OpenAction").and_then(|o| o.as_dict().ok())
        && get_name(doc, open, b"S").is_some_and(|s| s != b"GoTo")
    {
        findings.push(
            Finding::error("action", msg!("preflight-open-action"))
                .in_object(objects::id(catalog, b"OpenAction"))
                .with_help(msg!("preflight-document-actions.help")),
        );
    }
    if let Some(form) = get(doc, catalog, b"AcroForm").and_then(|o| objects::dict(doc, o))
        && (form.has(b"XFA")
            || get(doc, form, b"Fields")
                .and_then(|f| f.as_array().ok())
                .is_some_and(|f| !f.is_empty()))
    {
        findings.push(
            Finding::error("form", msg!("preflight-form")).with_help(msg!("preflight-form.help")),
        );
    }
    // Actions anywhere else: outline entries, form fields, pages. Annotations are reported
    // on their pages; their actions go with them.
    let mut reported = 0;
    for (id, object) in &doc.objects {
        let dict = match object {
            Object::Dictionary(d) => d,
            _ => continue,
        };
        // Annotations are reported on their pages; structure elements use /S for their tag.
        let kind_of_dict = get_name(doc, dict, b"Type");
        if matches!(kind_of_dict, Some(b"Annot" | b"StructElem")) || dict.has(b"Subtype") {
            continue;
        }
        let Some(kind) = get_name(doc, dict, b"S").filter(|s| ACTIONS.contains(s)) else {
            continue;
        };
        reported += 1;
        if reported > MAX_ACTION_FINDINGS {
            break;
        }
        let kind = String::from_utf8_lossy(kind);
        let code = if kind == "JavaScript" {
            "javascript"
        } else {
            "action"
        };
        findings.push(
            Finding::error(code, msg!("preflight-action", kind = kind))
                .in_object(Some(*id))
                .with_help(msg!("preflight-action.help")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_xmp_properties_in_every_notation() {
        let xmp = r#"<rdf:Description pdf:Trapped="False" xmlns:pdf="x">
            <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Kaart &amp; cijfers</rdf:li></rdf:Alt></dc:title>
            <xmpMM:DocumentID>uuid:1</xmpMM:DocumentID><xmpMM:DocumentIDx>2</xmpMM:DocumentIDx>"#;
        assert_eq!(
            xmp_property(xmp, "pdfxid:GTS_PDFXVersion").as_deref(),
            Some("PDF/X-4")
        );
        assert_eq!(xmp_property(xmp, "pdf:Trapped").as_deref(), Some("False"));
        assert_eq!(
            xmp_property(xmp, "dc:title").as_deref(),
            Some("Kaart & cijfers")
        );
        assert_eq!(
            xmp_property(xmp, "xmpMM:DocumentID").as_deref(),
            Some("uuid:1")
        );
        assert_eq!(xmp_property(xmp, "xmpMM:VersionID"), None);
    }

    #[test]
    fn versions_compare_numerically() {
        assert!(parse_version("1.7") > (1, 6));
        assert!(parse_version("1.6") <= (1, 6));
        assert!(parse_version("2.0") > (1, 6));
        assert_eq!(parse_version("junk"), (0, 0));
    }

    #[test]
    fn unescapes_entities() {
        assert_eq!(
            unescape("a &lt;b&gt; &#233;&#x20AC; &bogus; &"),
            "a <b> é€ &bogus; &"
        );
    }
}
