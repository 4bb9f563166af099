//! Stage 5 (export), finishing: the PDF/X-4 parts of the print edition (ISO 15930-7).
//!
//! - Nothing interactive: page annotations (Typst's links), page and document actions, forms,
//!   JavaScript and embedded files are removed. The bookmarks stay: they are destinations,
//!   not actions, and a print shop's RIP ignores them.
//! - Exactly one output intent (`/S /GTS_PDFX`) with the printing condition's ICC profile.
//! - XMP metadata written afresh, with the PDF/X identification, `pdf:Trapped`, the dates and
//!   the `xmpMM` identifiers, and the Info dictionary brought in step with it.
//!
//! The model is WeasyPrint's PDF/X writer (`weasyprint/pdf/pdfx.py`): the same entries, but
//! derived from the build (dates from the publication date, identifiers from content hashes)
//! so that two builds stay byte-identical.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::Finishing;
use crate::model::PrintCondition;

/// The PDF/X version the print edition claims.
pub const PDFX_VERSION: &str = "PDF/X-4";

/// Removes everything interactive: annotations and actions on the pages, and the document's
/// open action, additional actions, form, JavaScript and embedded files.
pub fn remove_interactive(doc: &mut Document, pages: &[ObjectId]) -> Result<(), String> {
    for &page in pages {
        let dict = doc.get_dictionary_mut(page).map_err(|e| e.to_string())?;
        dict.remove(b"Annots");
        dict.remove(b"AA");
    }
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    for key in [&b"OpenAction"[..], b"AA", b"AcroForm"] {
        catalog.remove(key);
    }
    let names = match catalog.get(b"Names") {
        Ok(Object::Reference(id)) => Some(*id),
        Ok(Object::Dictionary(d)) => {
            let mut d = d.clone();
            d.remove(b"JavaScript");
            d.remove(b"EmbeddedFiles");
            catalog.set("Names", d);
            None
        }
        _ => None,
    };
    if let Some(id) = names
        && let Ok(d) = doc.get_dictionary_mut(id)
    {
        d.remove(b"JavaScript");
        d.remove(b"EmbeddedFiles");
    }
    Ok(())
}

/// Adds the output intent: the printing condition and its ICC profile.
pub fn add_output_intent(doc: &mut Document, condition: &PrintCondition) -> Result<(), String> {
    let mut profile = Stream::new(
        Dictionary::from_iter([("N", Object::Integer(4))]),
        condition.profile.to_vec(),
    );
    // Profiles are mostly lookup tables: Flate halves them.
    profile
        .compress()
        .map_err(|e| format!("cannot compress the ICC profile: {e}"))?;
    let profile = doc.add_object(profile);
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    intent.set(
        "OutputConditionIdentifier",
        text_string(&condition.condition),
    );
    intent.set("RegistryName", text_string(&condition.registry));
    let info = condition
        .condition_name
        .clone()
        .or_else(|| condition.profile_description.clone());
    if let Some(info) = info {
        intent.set("OutputCondition", text_string(&info));
        intent.set("Info", text_string(&info));
    }
    intent.set("DestOutputProfile", profile);
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    Ok(())
}

/// The document's descriptive metadata, read from the Info dictionary Typst wrote.
#[derive(Debug, Default)]
struct Described {
    title: Option<String>,
    author: Option<String>,
    subject: Option<String>,
    keywords: Option<String>,
    creator: Option<String>,
    producer: Option<String>,
    language: Option<String>,
}

/// Writes the PDF/X metadata: a new XMP packet and the Info dictionary in step with it, the
/// trailer `/ID`, and the version (1.6).
pub fn set_metadata(
    doc: &mut Document,
    exported: &[u8],
    finishing: &Finishing,
) -> Result<(), String> {
    let info_id = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => *id,
        _ => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", id);
            id
        }
    };
    let mut described = {
        let info = doc.get_dictionary(info_id).map_err(|e| e.to_string())?;
        let text = |key: &[u8]| {
            info.get(key)
                .ok()
                .and_then(|o| lopdf::decode_text_string(o).ok())
                .filter(|s| !s.trim().is_empty())
        };
        Described {
            title: text(b"Title"),
            author: text(b"Author"),
            subject: text(b"Subject"),
            keywords: text(b"Keywords"),
            creator: text(b"Creator"),
            producer: text(b"Producer"),
            language: None,
        }
    };
    described.language = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|o| lopdf::decode_text_string(o).ok());
    // PDF/X requires a title; every drukwerk layout sets one, the job name stands in otherwise.
    let title = described
        .title
        .clone()
        .unwrap_or_else(|| finishing.ident.to_string());
    let producer = described.producer.clone().unwrap_or_else(|| {
        format!(
            "drukwerk {} (Typst {}, lopdf)",
            env!("CARGO_PKG_VERSION"),
            crate::TYPST_VERSION
        )
    });
    let date = Dates::new(finishing.timestamp);
    let ids = Identifiers::new(doc, exported, finishing);

    let info = doc.get_dictionary_mut(info_id).map_err(|e| e.to_string())?;
    info.set("Title", text_string(&title));
    info.set("Producer", text_string(&producer));
    info.set("CreationDate", Object::string_literal(date.pdf.clone()));
    info.set("ModDate", Object::string_literal(date.pdf.clone()));
    info.set("Trapped", Object::Name(b"False".to_vec()));
    info.set("GTS_PDFXVersion", Object::string_literal(PDFX_VERSION));

    let xmp = xmp_packet(&described, &title, &producer, &date, &ids);
    let mut metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp.into_bytes(),
    );
    // Uncompressed, so any tool (and a print shop's eye) finds the PDF/X identification.
    metadata.allows_compression = false;
    let metadata = doc.add_object(metadata);
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("Metadata", metadata);
    // The header says 1.6 (Typst wrote it); a catalog /Version would override it.
    catalog.remove(b"Version");
    doc.version = "1.6".to_string();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(ids.document.to_vec(), StringFormat::Hexadecimal),
            Object::String(ids.instance.to_vec(), StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}

/// The build's date in the PDF and XMP notations (UTC).
struct Dates {
    pdf: String,
    xmp: String,
}

impl Dates {
    fn new(timestamp: i64) -> Self {
        let dt = chrono::DateTime::from_timestamp(timestamp, 0).unwrap_or_default();
        Self {
            pdf: dt.format("D:%Y%m%d%H%M%S+00'00'").to_string(),
            xmp: dt.format("%Y-%m-%dT%H:%M:%S+00:00").to_string(),
        }
    }
}

/// The document and instance identifiers (trailer `/ID` and `xmpMM`).
struct Identifiers {
    document: [u8; 16],
    instance: [u8; 16],
}

impl Identifiers {
    /// The document identifier is Typst's (it derives from the job name, so it is the same
    /// for every edition of one document); the instance identifier hashes what this file is
    /// made of: Typst's export, the printing condition and the crop marks.
    fn new(doc: &Document, exported: &[u8], finishing: &Finishing) -> Self {
        let typst_id = doc
            .trailer
            .get(b"ID")
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| o.as_str().ok())
            .map(<[u8]>::to_vec)
            .unwrap_or_else(|| finishing.ident.as_bytes().to_vec());
        let document = first16(&Sha256::digest(&typst_id));
        let mut instance = Sha256::new();
        instance.update(exported);
        instance.update(&*finishing.condition.profile);
        instance.update(finishing.condition.condition.as_bytes());
        instance.update(finishing.condition.registry.as_bytes());
        instance.update([u8::from(finishing.crop_marks)]);
        Self {
            document,
            instance: first16(&instance.finalize()),
        }
    }
}

fn first16(hash: &[u8]) -> [u8; 16] {
    let mut out = [0; 16];
    out.copy_from_slice(&hash[..16]);
    out
}

/// `uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` from 16 bytes.
fn uuid(bytes: &[u8; 16]) -> String {
    let hex = crate::jobs::hex(bytes);
    format!(
        "uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A PDF text string: PDFDocEncoding when ASCII, UTF-16BE with a byte order mark otherwise.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::string_literal(s)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Escapes text for XML content.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet. Every property the Info dictionary also has carries the same value.
fn xmp_packet(
    d: &Described,
    title: &str,
    producer: &str,
    date: &Dates,
    ids: &Identifiers,
) -> String {
    let mut p = String::new();
    p.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    p.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    p.push_str(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    p.push_str("  <rdf:Description rdf:about=\"\"\n");
    p.push_str("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
    p.push_str("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
    p.push_str("    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n");
    p.push_str("    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n");
    p.push_str("    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n");
    let mut prop = |name: &str, value: &str| {
        p.push_str(&format!("   <{name}>{value}</{name}>\n"));
    };
    prop("dc:format", "application/pdf");
    prop(
        "dc:title",
        &format!(
            "<rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt>",
            xml(title)
        ),
    );
    if let Some(author) = &d.author {
        // One entry with all authors, as in the Info dictionary (PDF/A-1 6.7.3 asks the same).
        prop(
            "dc:creator",
            &format!("<rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq>", xml(author)),
        );
    }
    if let Some(subject) = &d.subject {
        prop(
            "dc:description",
            &format!(
                "<rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt>",
                xml(subject)
            ),
        );
    }
    if let Some(language) = &d.language {
        prop(
            "dc:language",
            &format!("<rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag>", xml(language)),
        );
    }
    if let Some(keywords) = &d.keywords {
        prop("pdf:Keywords", &xml(keywords));
    }
    prop("pdf:Producer", &xml(producer));
    prop("pdf:Trapped", "False");
    if let Some(creator) = &d.creator {
        prop("xmp:CreatorTool", &xml(creator));
    }
    prop("xmp:CreateDate", &date.xmp);
    prop("xmp:ModifyDate", &date.xmp);
    prop("xmp:MetadataDate", &date.xmp);
    prop("xmpMM:DocumentID", &uuid(&ids.document));
    prop("xmpMM:InstanceID", &uuid(&ids.instance));
    prop("xmpMM:VersionID", "1");
    prop("xmpMM:RenditionClass", "default");
    prop("pdfxid:GTS_PDFXVersion", PDFX_VERSION);
    p.push_str("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n");
    // Room for a tool to edit the packet in place, as XMP recommends.
    for _ in 0..20 {
        p.push_str(&" ".repeat(99));
        p.push('\n');
    }
    p.push_str("<?xpacket end=\"w\"?>");
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_is_escaped() {
        assert_eq!(xml("a < b & \"c\"\u{1}"), "a &lt; b &amp; &quot;c&quot; ");
    }

    #[test]
    fn dates_in_both_notations() {
        let d = Dates::new(1_795_824_000); // 2026-11-28
        assert_eq!(d.pdf, "D:20261128000000+00'00'");
        assert_eq!(d.xmp, "2026-11-28T00:00:00+00:00");
    }

    #[test]
    fn text_strings_keep_non_ascii() {
        let o = text_string("Continuïteit");
        assert_eq!(lopdf::decode_text_string(&o).unwrap(), "Continuïteit");
    }
}
