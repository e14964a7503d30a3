//! Glyph pruning for the CID-keyed CFF fonts typst embeds (`/FontFile3 /CIDFontType0C`):
//! a document split out of the pack keeps the pack's CIDs, so instead of re-subsetting we
//! blank the charstrings of the glyphs it does not use and rebuild the CFF around them.
//! Format reference: Adobe TN #5176 (CFF) and TN #5177 (Type 2 charstrings).

use std::collections::BTreeSet;

#[derive(Debug, thiserror::Error)]
pub enum CffError {
    #[error("CFF data is truncated ({what})")]
    Truncated { what: &'static str },
    #[error("CFF font is not CID-keyed")]
    NotCidKeyed,
    #[error("unsupported CFF font: {0}")]
    Unsupported(&'static str),
    #[error("malformed CFF font: {0}")]
    Malformed(&'static str),
}

type Result<T, E = CffError> = std::result::Result<T, E>;

const OP_CHARSET: u16 = 15;
const OP_ENCODING: u16 = 16;
const OP_CHARSTRINGS: u16 = 17;
const OP_PRIVATE: u16 = 18;
const OP_SUBRS: u16 = 19;
const OP_ROS: u16 = 1230;
const OP_FDARRAY: u16 = 1236;
const OP_FDSELECT: u16 = 1237;
/// Type 2 `endchar`: the whole charstring of a blanked glyph.
const ENDCHAR: u8 = 0x0E;

fn bytes<'a>(data: &'a [u8], start: usize, len: usize, what: &'static str) -> Result<&'a [u8]> {
    start
        .checked_add(len)
        .and_then(|end| data.get(start..end))
        .ok_or(CffError::Truncated { what })
}

/// Big-endian unsigned integer of `size` (1..=4) bytes.
fn uint(data: &[u8], pos: usize, size: usize, what: &'static str) -> Result<usize> {
    Ok(bytes(data, pos, size, what)?
        .iter()
        .fold(0, |n, &b| (n << 8) | usize::from(b)))
}

/// An INDEX's items and its whole encoding (for copying it unchanged).
type Index<'a> = (Vec<&'a [u8]>, &'a [u8]);

fn read_index<'a>(data: &'a [u8], pos: usize, what: &'static str) -> Result<Index<'a>> {
    let count = uint(data, pos, 2, what)?;
    if count == 0 {
        return Ok((Vec::new(), bytes(data, pos, 2, what)?));
    }
    let off_size = uint(data, pos + 2, 1, what)?;
    if !(1..=4).contains(&off_size) {
        return Err(CffError::Malformed("INDEX offSize outside 1..=4"));
    }
    let offsets_at = pos + 3;
    // Offsets are 1-based from the byte before the data.
    let base = offsets_at + (count + 1) * off_size - 1;
    let offsets = (0..=count)
        .map(|i| uint(data, offsets_at + i * off_size, off_size, what))
        .collect::<Result<Vec<_>>>()?;
    if offsets[0] != 1 || offsets.windows(2).any(|w| w[0] > w[1]) {
        return Err(CffError::Malformed("INDEX offsets not ascending from 1"));
    }
    let end = base + offsets[count];
    let items = offsets
        .windows(2)
        .map(|w| bytes(data, base + w[0], w[1] - w[0], what))
        .collect::<Result<Vec<_>>>()?;
    Ok((items, bytes(data, pos, end - pos, what)?))
}

/// Encodes an INDEX with the smallest offSize that fits its offsets.
fn write_index<T: AsRef<[u8]>>(out: &mut Vec<u8>, items: &[T]) -> Result<()> {
    let count =
        u16::try_from(items.len()).map_err(|_| CffError::Unsupported("INDEX over 65535 items"))?;
    out.extend_from_slice(&count.to_be_bytes());
    if count == 0 {
        return Ok(());
    }
    let last = 1 + items.iter().map(|i| i.as_ref().len()).sum::<usize>();
    let off_size = (1..=4)
        .find(|n| (last as u64) >> (8 * n) == 0)
        .ok_or(CffError::Unsupported("INDEX over 4 GiB"))?;
    out.push(off_size as u8);
    let mut offset = 1usize;
    for item in std::iter::once(&[][..]).chain(items.iter().map(AsRef::as_ref)) {
        offset += item.len();
        out.extend_from_slice(&offset.to_be_bytes()[size_of::<usize>() - off_size..]);
    }
    items.iter().for_each(|i| out.extend_from_slice(i.as_ref()));
    Ok(())
}

/// One DICT entry: operator (escaped ones as 1200 + second byte), its integer operands
/// (`None` for reals) and its raw bytes, operator included, for copying it unchanged.
struct Entry<'a> {
    op: u16,
    operands: Vec<Option<i32>>,
    raw: &'a [u8],
}

fn read_dict(data: &[u8]) -> Result<Vec<Entry<'_>>> {
    const WHAT: &str = "DICT";
    let (mut entries, mut operands, mut start, mut pos) = (Vec::new(), Vec::new(), 0, 0);
    while pos < data.len() {
        let b0 = data[pos];
        let (len, operand) = match b0 {
            0..=21 => {
                let (op, len) = match b0 {
                    12 => (1200 + u16::from(bytes(data, pos + 1, 1, WHAT)?[0]), 2),
                    _ => (u16::from(b0), 1),
                };
                let operands = std::mem::take(&mut operands);
                let raw = &data[start..pos + len];
                entries.push(Entry { op, operands, raw });
                (start, pos) = (pos + len, pos + len);
                continue;
            }
            28 => (3, Some(i32::from(uint(data, pos + 1, 2, WHAT)? as i16))),
            29 => (5, Some(uint(data, pos + 1, 4, WHAT)? as u32 as i32)),
            30 => (real_len(data, pos)?, None),
            32..=246 => (1, Some(i32::from(b0) - 139)),
            247..=254 => {
                let b1 = i32::from(bytes(data, pos + 1, 1, WHAT)?[0]);
                let n = (i32::from(b0) - 247) % 4 * 256 + b1 + 108;
                (2, Some(if b0 < 251 { n } else { -n }))
            }
            _ => return Err(CffError::Malformed("reserved DICT byte")),
        };
        operands.push(operand);
        pos += len;
    }
    if pos != start {
        return Err(CffError::Malformed("DICT ends with operands"));
    }
    Ok(entries)
}

/// Length of a real operand: byte 30, then nibbles up to the one that is 0xF.
fn real_len(data: &[u8], pos: usize) -> Result<usize> {
    let tail = data.get(pos + 1..).unwrap_or_default();
    let nibble_end = tail.iter().position(|b| b >> 4 == 0xF || b & 0xF == 0xF);
    let truncated = CffError::Truncated {
        what: "real number",
    };
    nibble_end.map(|i| i + 2).ok_or(truncated)
}

/// The `N` non-negative integer operands of `op`, if the DICT has it.
fn ints<const N: usize>(entries: &[Entry], op: u16) -> Result<Option<[usize; N]>> {
    let Some(entry) = entries.iter().find(|e| e.op == op) else {
        return Ok(None);
    };
    let ints = entry
        .operands
        .iter()
        .map(|o| usize::try_from(o.unwrap_or(-1)).ok());
    let ints: Option<Vec<_>> = ints.collect();
    let ints = ints.and_then(|v| <[usize; N]>::try_from(v).ok());
    ints.map(Some)
        .ok_or(CffError::Malformed("bad offset operands"))
}

/// Re-encodes a DICT with the operands of the operators in `new` replaced by 5-byte
/// integers (so the DICT's size does not depend on their values); the rest is copied.
fn write_dict(entries: &[Entry], new: &[(u16, Vec<usize>)]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for entry in entries {
        let Some((_, values)) = new.iter().find(|(op, _)| *op == entry.op) else {
            out.extend_from_slice(entry.raw);
            continue;
        };
        for &v in values {
            let v = i32::try_from(v).map_err(|_| CffError::Unsupported("offset over 2 GiB"))?;
            out.push(29);
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.extend_from_slice(&entry.raw[entry.raw.len() - if entry.op >= 1200 { 2 } else { 1 }..]);
    }
    Ok(out)
}

/// The charset's bytes and the CID of every GID (formats 0, 1 and 2; GID 0 is CID 0).
fn read_charset(data: &[u8], pos: usize, glyphs: usize) -> Result<(&[u8], Vec<u16>)> {
    const WHAT: &str = "charset";
    let format = uint(data, pos, 1, WHAT)?;
    let mut cids = vec![0u16];
    let mut at = pos + 1;
    while cids.len() < glyphs {
        match format {
            0 => {
                cids.push(uint(data, at, 2, WHAT)? as u16);
                at += 2;
            }
            1 | 2 => {
                let first = uint(data, at, 2, WHAT)?;
                let left = uint(data, at + 2, format, WHAT)?;
                let take = (left + 1).min(glyphs - cids.len());
                cids.extend((first..first + take).map(|cid| cid as u16));
                at += 2 + format;
            }
            _ => return Err(CffError::Unsupported("charset format")),
        }
    }
    Ok((bytes(data, pos, at - pos, WHAT)?, cids))
}

/// The FDSelect's bytes (formats 0 and 3).
fn read_fdselect(data: &[u8], pos: usize, glyphs: usize) -> Result<&[u8]> {
    const WHAT: &str = "FDSelect";
    let len = match uint(data, pos, 1, WHAT)? {
        0 => 1 + glyphs,
        3 => 1 + 2 + uint(data, pos + 1, 2, WHAT)? * 3 + 2,
        _ => return Err(CffError::Unsupported("FDSelect format")),
    };
    bytes(data, pos, len, WHAT)
}

/// A Private DICT and its local Subrs INDEX, at `subrs_at` bytes from the DICT's start.
struct Private<'a> {
    dict: &'a [u8],
    subrs: Option<(usize, &'a [u8])>,
}

impl Private<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(self.dict);
        if let Some((at, subrs)) = self.subrs {
            out.resize(start + at, 0);
            out.extend_from_slice(subrs);
        }
    }
}

fn read_private(data: &[u8], size: usize, offset: usize) -> Result<Private<'_>> {
    let dict = bytes(data, offset, size, "Private DICT")?;
    let subrs = match ints::<1>(&read_dict(dict)?, OP_SUBRS)? {
        None => None,
        Some([at]) if at < size => return Err(CffError::Unsupported("Subrs inside Private DICT")),
        Some([at]) => Some((at, read_index(data, offset + at, "local Subrs")?.1)),
    };
    Ok(Private { dict, subrs })
}

/// A CID-keyed CFF font program with every glyph the document does not use reduced to
/// an empty charstring (`endchar`); glyph count, CIDs, charset, FDSelect, FDArray, Private
/// dicts and subroutines unchanged, so content streams and /W arrays stay valid.
pub fn keep_glyphs(cff: &[u8], used_cids: &BTreeSet<u16>) -> Result<Vec<u8>, CffError> {
    let font = Font::read(cff)?;
    let blank: &[u8] = &[ENDCHAR];
    let kept = |gid, cid| gid == 0 || used_cids.contains(cid);
    let charstrings = (font.charstrings.iter().zip(&font.cids).enumerate())
        .map(|(gid, (cs, cid))| if kept(gid, cid) { *cs } else { blank })
        .collect::<Vec<_>>();
    // Rewritten offsets are 5-byte integers, so no part's size depends on them: a first
    // pass with zero offsets finds where every part goes, the second writes them there.
    let (_, offsets) = font.write(&charstrings, &Offsets::default())?;
    Ok(font.write(&charstrings, &offsets)?.0)
}

struct Font<'a> {
    /// Header, Name INDEX, String INDEX and Global Subr INDEX, copied unchanged.
    head: [&'a [u8]; 4],
    charset: &'a [u8],
    fdselect: &'a [u8],
    charstrings: Vec<&'a [u8]>,
    cids: Vec<u16>,
    /// The Top DICT, then each font DICT of the FDArray, each with its Private if any
    /// (a Top DICT Private is unusual in a CID font, but kept if there).
    dicts: Vec<(Vec<Entry<'a>>, Option<Private<'a>>)>,
}

/// Where the output puts its parts; `privates` aligned with `Font::dicts`.
#[derive(Default)]
struct Offsets {
    charset: usize,
    fdselect: usize,
    charstrings: usize,
    fdarray: usize,
    privates: Vec<usize>,
}

impl<'a> Font<'a> {
    fn read(cff: &'a [u8]) -> Result<Self> {
        let header = bytes(cff, 0, uint(cff, 2, 1, "header")?, "header")?;
        if header[0] != 1 || header.len() < 4 {
            return Err(CffError::Unsupported("not CFF version 1"));
        }
        let names = read_index(cff, header.len(), "Name INDEX")?.1;
        let tops = read_index(cff, header.len() + names.len(), "Top DICT INDEX")?;
        let [top] = tops.0[..] else {
            return Err(CffError::Unsupported("not exactly one font"));
        };
        let at = header.len() + names.len() + tops.1.len();
        let strings = read_index(cff, at, "String INDEX")?.1;
        let gsubrs = read_index(cff, at + strings.len(), "Global Subr INDEX")?.1;
        let top = read_dict(top)?;
        if !top.iter().any(|e| e.op == OP_ROS) {
            return Err(CffError::NotCidKeyed);
        }
        if ints::<1>(&top, OP_ENCODING)?.is_some_and(|[o]| o > 1) {
            return Err(CffError::Unsupported("custom Encoding in a CID font"));
        }
        let offset = |op| Ok(ints::<1>(&top, op)?.ok_or(CffError::Malformed("missing offset"))?[0]);
        let charstrings = read_index(cff, offset(OP_CHARSTRINGS)?, "CharStrings")?.0;
        let charset_at = offset(OP_CHARSET)?;
        if charset_at <= 2 {
            return Err(CffError::Unsupported("predefined charset in a CID font"));
        }
        let (charset, cids) = read_charset(cff, charset_at, charstrings.len())?;
        let fdselect = read_fdselect(cff, offset(OP_FDSELECT)?, charstrings.len())?;
        let fdarray = read_index(cff, offset(OP_FDARRAY)?, "FDArray")?.0;
        let fds: Vec<_> = fdarray.into_iter().map(read_dict).collect::<Result<_>>()?;
        let dicts = (std::iter::once(top).chain(fds))
            .map(|dict| {
                let private = ints::<2>(&dict, OP_PRIVATE)?;
                let private = private.map(|[size, at]| read_private(cff, size, at));
                Ok((dict, private.transpose()?))
            })
            .collect::<Result<_>>()?;
        let head = [header, names, strings, gsubrs];
        Ok(Font {
            head,
            charset,
            fdselect,
            charstrings,
            cids,
            dicts,
        })
    }

    /// The font with `charstrings` at `at`, and where that put each part.
    fn write(&self, charstrings: &[&[u8]], at: &Offsets) -> Result<(Vec<u8>, Offsets)> {
        let private = |i: usize| {
            let size = self.dicts[i].1.as_ref().map_or(0, |p| p.dict.len());
            let offset = at.privates.get(i).copied().unwrap_or(0);
            (OP_PRIVATE, vec![size, offset])
        };
        let top = [
            (OP_CHARSET, vec![at.charset]),
            (OP_CHARSTRINGS, vec![at.charstrings]),
            (OP_FDARRAY, vec![at.fdarray]),
            (OP_FDSELECT, vec![at.fdselect]),
            private(0),
        ];
        let [header, names, strings, gsubrs] = self.head;
        let mut out = [header, names].concat();
        write_index(&mut out, &[write_dict(&self.dicts[0].0, &top)?])?;
        out.extend_from_slice(strings);
        out.extend_from_slice(gsubrs);
        let mut next = Offsets {
            charset: out.len(),
            ..Offsets::default()
        };
        out.extend_from_slice(self.charset);
        next.fdselect = out.len();
        out.extend_from_slice(self.fdselect);
        next.charstrings = out.len();
        write_index(&mut out, charstrings)?;
        next.fdarray = out.len();
        let fds = (1..self.dicts.len()).map(|i| write_dict(&self.dicts[i].0, &[private(i)]));
        write_index(&mut out, &fds.collect::<Result<Vec<_>>>()?)?;
        for (_, private) in &self.dicts {
            next.privates.push(out.len());
            private.iter().for_each(|p| p.write(&mut out));
        }
        Ok((out, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// NotoSansCJKsc-Regular as typst 0.15.1 subsets and embeds it (OFL).
    const FONT: &[u8] = include_bytes!("../../../tests/fixtures/cff/noto-sans-subset.cff");

    /// The charstrings and the CID of every glyph.
    fn glyphs(cff: &[u8]) -> (Vec<&[u8]>, Vec<u16>) {
        let font = Font::read(cff).unwrap();
        (font.charstrings, font.cids)
    }

    #[test]
    fn keeping_every_glyph_keeps_every_charstring() {
        let (charstrings, cids) = glyphs(FONT);
        let out = keep_glyphs(FONT, &cids.iter().copied().collect()).unwrap();
        assert_eq!(glyphs(&out), (charstrings, cids.clone()));
        // The output parses as a whole (Privates included) and is a fixed point.
        assert_eq!(
            keep_glyphs(&out, &cids.iter().copied().collect()).unwrap(),
            out
        );
    }

    #[test]
    fn unused_glyphs_become_endchar() {
        let (charstrings, cids) = glyphs(FONT);
        let used: BTreeSet<u16> = [cids[3], cids[7], cids[cids.len() - 1], 65535].into();
        let out = keep_glyphs(FONT, &used).unwrap();
        let (new, new_cids) = glyphs(&out);
        assert_eq!((new.len(), &new_cids), (charstrings.len(), &cids));
        for (gid, (old, new)) in charstrings.iter().zip(&new).enumerate() {
            let kept = gid == 0 || used.contains(&cids[gid]);
            assert_eq!(*new, if kept { *old } else { &[ENDCHAR][..] }, "GID {gid}");
        }
        assert!(
            out.len() * 3 < FONT.len(),
            "{} of {} bytes",
            out.len(),
            FONT.len()
        );
        assert!(
            Font::read(&out).unwrap().dicts.len() > 2,
            "the fixture has several FDs"
        );
    }

    #[test]
    fn a_font_without_ros_is_not_cid_keyed() {
        let mut font = vec![1, 0, 4, 1];
        write_index(&mut font, &[b"A"]).unwrap();
        write_index(&mut font, &[[139, 17]]).unwrap(); // CharStrings 0
        font.extend_from_slice(&[0, 0, 0, 0]); // empty String and Global Subr INDEXes
        assert!(matches!(
            keep_glyphs(&font, &BTreeSet::new()),
            Err(CffError::NotCidKeyed)
        ));
    }

    /// What typst's fonts lack: charset formats 0 and 1, FDSelect format 3, local Subrs.
    #[test]
    fn other_formats_and_local_subrs() {
        assert_eq!(read_charset(&[0, 0, 7, 0, 9], 0, 3).unwrap().1, [0, 7, 9]);
        let charset = read_charset(&[1, 0, 5, 1, 9], 0, 3).unwrap();
        assert_eq!(charset, (&[1, 0, 5, 1][..], vec![0, 5, 6]));
        assert_eq!(
            read_fdselect(&[3, 0, 1, 0, 0, 0, 0, 3, 9], 0, 3)
                .unwrap()
                .len(),
            8
        );
        // A Private DICT "4 Subrs" and, 2 bytes after its end, a one-subr INDEX.
        let private = read_private(&[143, 19, 0xAA, 0xBB, 0, 1, 1, 1, 2, 11], 2, 0).unwrap();
        let mut out = Vec::new();
        private.write(&mut out);
        assert_eq!(out, [143, 19, 0, 0, 0, 1, 1, 1, 2, 11]);
    }

    #[test]
    fn hostile_fonts_give_errors_not_panics() {
        let used: BTreeSet<u16> = glyphs(FONT).1.into_iter().step_by(2).collect();
        for len in (0..FONT.len()).filter(|len| *len < 2048 || len % 37 == 0) {
            assert!(keep_glyphs(&FONT[..len], &used).is_err(), "{len} bytes");
        }
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as usize
        };
        for _ in 0..3000 {
            let mut font = FONT.to_vec();
            // Mostly the header and DICTs, where corruption moves everything else.
            for _ in 0..1 + next() % 4 {
                let at = if next() % 2 == 0 {
                    next() % 400
                } else {
                    next() % font.len()
                };
                font[at] = next() as u8;
            }
            let _ = keep_glyphs(&font, &used);
        }
    }
}
