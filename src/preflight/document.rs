//! Preflight of what concerns the whole document: version, encryption, output intent,
//! identification (XMP and Info), JavaScript, actions and embedded files.

use lopdf::{Dictionary, Document, Object};

use super::Finding;
use super::objects::{self, get, get_name};
use crate::icc::IccProfile;

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
                format!("PDF {version}: PDF/X-4 is based on PDF 1.6 and allows no later version"),
            )
            .with_help("export as PDF/X-4 (which writes PDF 1.6)"),
        );
    }
    if doc.was_encrypted() || doc.is_encrypted() {
        findings.push(
            Finding::error(
                "encrypted",
                "the PDF is encrypted (password protection or restrictions)",
            )
            .with_help(
                "export again without security settings: a print shop's RIP must read every object",
            ),
        );
    }
    let Ok(catalog) = doc.catalog() else {
        findings.push(
            Finding::error("no-catalog", "the PDF has no readable document catalog")
                .with_help("export the file again"),
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
                Finding::error("no-output-intent", "no PDF/X output intent: the file does not say which printing condition its colours are meant for")
                    .with_help("export as PDF/X-4 with the print shop's output profile (for example FOGRA39 or PSO Coated v3 / FOGRA51 for coated paper)"),
            );
            return;
        }
        [one] => *one,
        [first, ..] => {
            findings.push(
                Finding::error(
                    "several-output-intents",
                    format!("{} PDF/X output intents; PDF/X-4 allows one", pdfx.len()),
                )
                .with_help(
                    "export again with one output intent, the print shop's printing condition",
                ),
            );
            *first
        }
    };
    let identifier =
        get(doc, intent, b"OutputConditionIdentifier").and_then(|o| objects::text(doc, o));
    if identifier.is_none_or(|i| i.trim().is_empty()) {
        findings.push(
            Finding::error(
                "output-intent",
                "the output intent has no OutputConditionIdentifier",
            )
            .with_help("name the printing condition (for example FOGRA39) when exporting"),
        );
    }
    let profile_id = objects::id(intent, b"DestOutputProfile");
    let Some(stream) = intent
        .get(b"DestOutputProfile")
        .ok()
        .and_then(|o| objects::stream(doc, o))
    else {
        findings.push(
            Finding::error(
                "no-output-profile",
                "the output intent has no embedded ICC profile (DestOutputProfile)",
            )
            .with_help(
                "PDF/X-4 embeds the printing condition's profile: export with the profile included",
            ),
        );
        return;
    };
    let bad = |message: String| {
        Finding::error("output-profile", message)
            .in_object(profile_id)
            .with_help("embed the print shop's CMYK output profile (an .icc file of class 'prtr')")
    };
    let Some(bytes) = objects::content(stream) else {
        findings.push(bad("the output profile cannot be decompressed".into()));
        return;
    };
    let profile = match IccProfile::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            findings.push(bad(format!("the output profile is unusable: {e}")));
            return;
        }
    };
    if &profile.class != b"prtr" {
        findings.push(bad(format!(
            "the output profile is a {} profile, not an output profile",
            profile.class_name()
        )));
    } else if &profile.colour_space != b"CMYK" {
        findings.push(
            Finding::warning(
                "output-profile",
                format!(
                    "the output profile is for {} output, not CMYK",
                    profile.space_name()
                ),
            )
            .in_object(profile_id)
            .with_help(
                "an offset print shop expects a CMYK printing condition; check with the shop",
            ),
        );
    }
    let components = match &profile.colour_space {
        b"CMYK" => Some(4.0),
        b"RGB " => Some(3.0),
        b"GRAY" => Some(1.0),
        _ => None,
    };
    let n = objects::get_number(doc, &stream.dict, b"N");
    if components.is_some() && n != components {
        findings.push(bad(format!(
            "the profile stream says /N {}, the profile has {} components",
            n.map_or("(missing)".to_string(), |n| n.to_string()),
            components.unwrap_or_default()
        )));
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
            Finding::error("no-xmp", "no XMP metadata: PDF/X-4 identifies itself there")
                .with_help("export as PDF/X-4; the exporter writes the metadata"),
        );
        return;
    };
    let missing = |what: &str, property: &str| {
        Finding::error(
            "xmp",
            format!("the XMP metadata has no {what} ({property})"),
        )
        .in_object(metadata_id)
        .with_help("export as PDF/X-4 again; the exporter writes the metadata")
    };
    match xmp_property(&xmp, "pdfxid:GTS_PDFXVersion") {
        None => findings.push(
            Finding::error("no-pdfx-id", "the file does not claim PDF/X-4 (no pdfxid:GTS_PDFXVersion in the XMP)")
                .in_object(metadata_id)
                .with_help("export as PDF/X-4"),
        ),
        Some(v) if !v.starts_with("PDF/X-4") => findings.push(
            Finding::error("no-pdfx-id", format!("the file claims {v}, not PDF/X-4"))
                .in_object(metadata_id)
                .with_help("export as PDF/X-4; PDF/X-1a and X-3 do not allow transparency and ICC-based colour as X-4 does"),
        ),
        Some(_) => {}
    }
    let trapped = xmp_property(&xmp, "pdf:Trapped");
    if !matches!(trapped.as_deref(), Some("True" | "False")) {
        findings.push(
            Finding::error(
                "trapped",
                format!(
                    "pdf:Trapped is {}; PDF/X-4 needs True or False",
                    trapped.as_deref().unwrap_or("missing")
                ),
            )
            .in_object(metadata_id)
            .with_help("say whether the file is trapped (usually False: the print shop traps)"),
        );
    }
    let title = xmp_property(&xmp, "dc:title");
    if title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        findings.push(missing("title", "dc:title"));
    }
    for (what, property) in [
        ("creation date", "xmp:CreateDate"),
        ("modification date", "xmp:ModifyDate"),
        ("document identifier", "xmpMM:DocumentID"),
        ("version identifier", "xmpMM:VersionID"),
        ("rendition class", "xmpMM:RenditionClass"),
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
            Finding::error("info-xmp-mismatch", format!("the title in the Info dictionary (\"{a}\") differs from the XMP title (\"{b}\")"))
                .with_help("set the title once in the exporting program, so both say the same"),
        );
    }
    if let Some(t) = get_name(doc, info, b"Trapped")
        && trapped.as_deref().is_some_and(|x| x.as_bytes() != t)
    {
        findings.push(
            Finding::error(
                "info-xmp-mismatch",
                format!(
                    "/Trapped in the Info dictionary (/{}) differs from pdf:Trapped",
                    String::from_utf8_lossy(t)
                ),
            )
            .with_help("export again; the two must say the same"),
        );
    }
    if let Some(v) = info_text(b"GTS_PDFXVersion")
        && xmp_property(&xmp, "pdfxid:GTS_PDFXVersion").is_some_and(|x| x != v)
    {
        findings.push(
            Finding::error(
                "info-xmp-mismatch",
                format!("the Info dictionary claims {v}, the XMP something else"),
            )
            .with_help("export again; the two must say the same"),
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
            Finding::error("javascript", "the document contains JavaScript")
                .with_help("export without scripts; a print file has nothing to run"),
        );
    }
    if names.is_some_and(|n| n.has(b"EmbeddedFiles")) {
        findings.push(
            Finding::error(
                "embedded-file",
                "the document has embedded files (attachments)",
            )
            .with_help("remove the attachments; send other files to the print shop separately"),
        );
    }
    if catalog.has(b"AA") {
        findings.push(
            Finding::error(
                "action",
                "the document has additional actions (/AA), run when it is opened or closed",
            )
            .with_help("export without interactive features"),
        );
    }
    if let Some(open) = get(doc, catalog, b"OpenAction").and_then(|o| o.as_dict().ok())
        && get_name(doc, open, b"S").is_some_and(|s| s != b"GoTo")
    {
        findings.push(
            Finding::error("action", "the document runs an action when it is opened")
                .in_object(objects::id(catalog, b"OpenAction"))
                .with_help("export without interactive features"),
        );
    }
    if let Some(form) = get(doc, catalog, b"AcroForm").and_then(|o| objects::dict(doc, o))
        && (form.has(b"XFA")
            || get(doc, form, b"Fields")
                .and_then(|f| f.as_array().ok())
                .is_some_and(|f| !f.is_empty()))
    {
        findings.push(
            Finding::error("form", "the document has form fields")
                .with_help("flatten the form (print its fields as page content) before sending"),
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
            Finding::error(
                code,
                format!("a {kind} action (in a bookmark, form or page)"),
            )
            .in_object(Some(*id))
            .with_help("remove interactive features: PDF/X allows no actions"),
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
