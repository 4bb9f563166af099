//! ICC profiles, read from their header and tag table (ICC.1, clause 7), never trusted.
//!
//! Shared by validation (the printing condition's profile in `[print]`) and by `preflight`
//! (the output intent's profile of any PDF). Only what those two need is read: the device
//! class, the colour space, the version and the description; every offset is checked against
//! the data before it is used.

use crate::i18n::Msg;
use crate::msg;

/// Largest profile accepted. Output profiles are 0.1–3 MB; anything larger is not a profile
/// meant for a PDF's output intent.
pub const MAX_PROFILE_BYTES: usize = 16 * 1024 * 1024;

/// The embedded default output profile: FOGRA39 (offset, coated paper), made from free data
/// with ArgyllCMS. `content/print/README.md` and `LICENCE.txt` tell where it comes from;
/// `scripts/regenerate-icc-profile.sh` makes it again.
pub const DEFAULT_PROFILE: &[u8] = include_bytes!("../content/print/drukwerk-fogra39-coated.icc");

/// What a profile header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IccProfile {
    /// Device class signature (`prtr` output, `mntr` display, `scnr` input, …).
    pub class: [u8; 4],
    /// Colour space of the device side (`CMYK`, `RGB `, `GRAY`, …).
    pub colour_space: [u8; 4],
    /// Major and minor version (2.2, 4.3, …).
    pub version: (u8, u8),
    /// The profile description (`desc` tag), if it can be read.
    pub description: Option<String>,
}

/// Why bytes are not a usable ICC profile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IccError {
    /// Shorter than a header and an empty tag table.
    #[error("{0} bytes is too short for an ICC profile")]
    TooShort(usize),
    /// Larger than [`MAX_PROFILE_BYTES`].
    #[error("{0} bytes is too large for an output profile (at most 16 MB)")]
    TooLarge(usize),
    /// The `acsp` signature is missing.
    #[error("not an ICC profile (no 'acsp' signature in the header)")]
    NoSignature,
    /// The header's size field disagrees with the data.
    #[error(
        "the profile header says {declared} bytes, but there are {actual} (truncated or damaged)"
    )]
    SizeMismatch {
        /// Size in the header.
        declared: usize,
        /// Size of the data.
        actual: usize,
    },
}

impl IccError {
    /// Why, in words, in the reader's language (the `Display` text is the English one).
    pub fn message(&self) -> Msg {
        match self {
            IccError::TooShort(bytes) => msg!("icc-too-short", bytes = *bytes),
            IccError::TooLarge(bytes) => msg!("icc-too-large", bytes = *bytes),
            IccError::NoSignature => msg!("icc-no-signature"),
            IccError::SizeMismatch { declared, actual } => {
                msg!("icc-size-mismatch", declared = *declared, actual = *actual)
            }
        }
    }
}

impl IccProfile {
    /// Reads a profile's header and description.
    pub fn parse(bytes: &[u8]) -> Result<IccProfile, IccError> {
        if bytes.len() < 132 {
            return Err(IccError::TooShort(bytes.len()));
        }
        if bytes.len() > MAX_PROFILE_BYTES {
            return Err(IccError::TooLarge(bytes.len()));
        }
        if &bytes[36..40] != b"acsp" {
            return Err(IccError::NoSignature);
        }
        let declared = be_u32(bytes, 0).unwrap_or(0) as usize;
        // Some writers pad a profile; fewer bytes than declared means it was cut off.
        if declared > bytes.len() || declared < 132 {
            return Err(IccError::SizeMismatch {
                declared,
                actual: bytes.len(),
            });
        }
        let data = &bytes[..declared];
        Ok(IccProfile {
            class: four(data, 12),
            colour_space: four(data, 16),
            version: (data[8], data[9] >> 4),
            description: description(data),
        })
    }

    /// An output (`prtr`) profile of a CMYK device: what a PDF/X output intent needs.
    pub fn is_cmyk_output(&self) -> bool {
        &self.class == b"prtr" && &self.colour_space == b"CMYK"
    }

    /// The device class in words: `output (prtr)`.
    pub fn class_name(&self) -> String {
        let name = match &self.class {
            b"prtr" => "output",
            b"mntr" => "display",
            b"scnr" => "input",
            b"link" => "device link",
            b"spac" => "colour space",
            b"abst" => "abstract",
            b"nmcl" => "named colour",
            _ => "unknown",
        };
        format!("{name} ({})", signature(&self.class))
    }

    /// The device class with an article, in the reader's language: `a display profile (mntr)`.
    pub fn class_msg(&self) -> Msg {
        let class = match &self.class {
            b"prtr" => "prtr",
            b"mntr" => "mntr",
            b"scnr" => "scnr",
            b"link" => "link",
            b"spac" => "spac",
            b"abst" => "abst",
            b"nmcl" => "nmcl",
            _ => "other",
        };
        msg!(
            "icc-class",
            class = class,
            signature = signature(&self.class)
        )
    }

    /// The colour space in words: `CMYK`, `RGB`, `GRAY`.
    pub fn space_name(&self) -> String {
        signature(&self.colour_space)
    }
}

/// A four-byte signature as text, trailing spaces removed.
fn signature(sig: &[u8; 4]) -> String {
    String::from_utf8_lossy(sig).trim_end().to_string()
}

fn four(data: &[u8], at: usize) -> [u8; 4] {
    let mut out = [0; 4];
    if let Some(s) = data.get(at..at + 4) {
        out.copy_from_slice(s);
    }
    out
}

fn be_u32(data: &[u8], at: usize) -> Option<u32> {
    let s = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

/// The `desc` tag: `textDescriptionType` (version 2) or `multiLocalizedUnicodeType`
/// (version 4, the first record).
fn description(data: &[u8]) -> Option<String> {
    let count = be_u32(data, 128)? as usize;
    // A tag table entry is 12 bytes; a count that does not fit the data is damage.
    if count > (data.len() - 132) / 12 {
        return None;
    }
    let (offset, size) = (0..count).find_map(|i| {
        let entry = 132 + i * 12;
        (data.get(entry..entry + 4)? == b"desc")
            .then(|| {
                Some((
                    be_u32(data, entry + 4)? as usize,
                    be_u32(data, entry + 8)? as usize,
                ))
            })
            .flatten()
    })?;
    let tag = data.get(offset..offset.checked_add(size)?)?;
    let text = match tag.get(0..4)? {
        b"desc" => {
            let len = be_u32(tag, 8)? as usize;
            let ascii = tag.get(12..12usize.checked_add(len)?)?;
            String::from_utf8_lossy(ascii)
                .trim_end_matches('\0')
                .to_string()
        }
        b"mluc" => {
            let records = be_u32(tag, 8)?;
            if records == 0 {
                return None;
            }
            let len = be_u32(tag, 20)? as usize;
            let at = be_u32(tag, 24)? as usize;
            let utf16 = tag.get(at..at.checked_add(len)?)?;
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
                .trim_end_matches('\0')
                .to_string()
        }
        _ => return None,
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_profile_is_a_cmyk_output_profile() {
        let p = IccProfile::parse(DEFAULT_PROFILE).unwrap();
        assert!(p.is_cmyk_output(), "{p:?}");
        assert_eq!(p.class_name(), "output (prtr)");
        assert_eq!(p.version.0, 2);
        assert!(
            p.description.as_deref().unwrap().contains("FOGRA39"),
            "{p:?}"
        );
    }

    #[test]
    fn refuses_what_is_not_a_profile() {
        assert_eq!(IccProfile::parse(b"hello"), Err(IccError::TooShort(5)));
        assert_eq!(IccProfile::parse(&[0u8; 200]), Err(IccError::NoSignature));
        let mut cut = DEFAULT_PROFILE[..1000].to_vec();
        cut.extend([0; 4]);
        assert!(matches!(
            IccProfile::parse(&cut),
            Err(IccError::SizeMismatch { .. })
        ));
    }

    #[test]
    fn tells_a_display_profile_apart() {
        let mut rgb = DEFAULT_PROFILE.to_vec();
        rgb[12..16].copy_from_slice(b"mntr");
        rgb[16..20].copy_from_slice(b"RGB ");
        let p = IccProfile::parse(&rgb).unwrap();
        assert!(!p.is_cmyk_output());
        assert_eq!(p.class_name(), "display (mntr)");
        assert_eq!(p.space_name(), "RGB");
    }

    #[test]
    fn never_panics_on_damaged_tag_tables() {
        let mut bytes = DEFAULT_PROFILE.to_vec();
        for i in (128..400).step_by(7) {
            bytes[i] = 0xFF;
            let _ = IccProfile::parse(&bytes);
        }
    }
}
