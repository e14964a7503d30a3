//! Page and type after GB/T 9704: A4, its margins and faces, Word's built-in heading
//! styles, and the folio "— N —".

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, Section, Style, StyleType,
};

use crate::documents::model::Layout;

/// 字号 in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
pub const TITLE_SIZE: usize = 44;
pub const BODY_SIZE: usize = 32;
pub const FOLIO_SIZE: usize = 28;
pub const TABLE_SIZE: usize = 21;

/// The sizes of one layout's type, in half-points.
#[derive(Clone, Copy)]
pub struct TypeSizes {
    pub title: usize,
    pub heading: usize,
    pub body: usize,
    pub table: usize,
}

/// A board, card or badge: one sheet, set tighter than a document.
pub fn one_sheet(layout: Layout) -> bool {
    matches!(layout, Layout::Sheet | Layout::Card)
}

/// Documents keep GB/T 9704's 二号 title and 三号 body. A board or card is one sheet in
/// the PDF; Word cannot shrink to fit, so its type is set smaller from the start
/// (三号 title, 小四 headings, 五号 body, 小五 tables; a badge smaller again) for the sheet
/// to print on one page as it does from the PDF.
pub fn type_sizes(layout: Layout) -> TypeSizes {
    match layout {
        Layout::Portrait | Layout::Landscape => TypeSizes {
            title: TITLE_SIZE,
            heading: BODY_SIZE,
            body: BODY_SIZE,
            table: TABLE_SIZE,
        },
        Layout::Sheet => TypeSizes {
            title: 32,
            heading: 24,
            body: 21,
            table: 18,
        },
        Layout::Card => TypeSizes {
            title: 24,
            heading: 21,
            body: 21,
            table: 18,
        },
    }
}

/// One face: its East Asian name (what Chinese Word and WPS look for) and the name it
/// also goes by, for the Latin letters and for machines that know only that one.
pub struct Face {
    pub east_asia: &'static str,
    pub latin: &'static str,
}

pub const BODY: Face = Face {
    east_asia: "仿宋",
    latin: "FangSong",
};
pub const TITLE: Face = Face {
    east_asia: "方正小标宋简体",
    latin: "SimSun",
};
pub const HEADING: Face = Face {
    east_asia: "黑体",
    latin: "SimHei",
};
pub const KAI: Face = Face {
    east_asia: "楷体",
    latin: "KaiTi",
};
/// Every face a file names, with the face Word and WPS should take where it is
/// missing (`w:altName` in the font table).
pub const FONT_TABLE: [(&Face, &str); 4] = [
    (&BODY, "仿宋_GB2312"),
    (&TITLE, "宋体"),
    (&HEADING, "SimHei"),
    (&KAI, "楷体_GB2312"),
];

/// `word/fontTable.xml`: each face under both its names, GB2312 charset (86), so Word
/// and WPS take a Chinese face of the same kind where the named one is missing.
pub fn font_table_xml() -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    for (face, alt) in FONT_TABLE {
        for (name, alt) in [(face.east_asia, alt), (face.latin, face.east_asia)] {
            xml.push_str(&format!(
                r#"<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#
            ));
        }
    }
    xml.push_str(r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#);
    xml
}

pub fn fonts(face: &Face) -> RunFonts {
    RunFonts::new()
        .east_asia(face.east_asia)
        .ascii(face.latin)
        .hi_ansi(face.latin)
        .hint("eastAsia")
}

/// Twentieths of a point per millimetre.
pub fn twips(mm: f64) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// A4 in twips.
const A4: (u32, u32) = (11906, 16838);

/// Page size and margins of a layout, as (width, height, margin).
fn geometry(layout: Layout) -> (u32, u32, PageMargin) {
    let margin = |top, bottom, left, right, footer| {
        PageMargin::new()
            .top(twips(top))
            .bottom(twips(bottom))
            .left(twips(left))
            .right(twips(right))
            .header(twips(15.0))
            .footer(twips(footer))
    };
    match layout {
        // GB/T 9704: 天头 37 mm, 订口 28 mm; the folio 7 mm under the text block.
        Layout::Portrait => (A4.0, A4.1, margin(37.0, 35.0, 28.0, 26.0, 25.0)),
        // Maps and wide registers: the PDF's landscape margins.
        Layout::Landscape => (A4.1, A4.0, margin(25.0, 22.0, 20.0, 20.0, 12.0)),
        // Boards and cards: an A4 sheet with narrow margins (the PDF fits the print size).
        Layout::Sheet => (A4.0, A4.1, margin(12.0, 12.0, 12.0, 12.0, 6.0)),
        // A badge is printed at its real size, 90 × 130 mm.
        Layout::Card => (
            twips(90.0) as u32,
            twips(130.0) as u32,
            margin(7.0, 7.0, 7.0, 7.0, 3.0),
        ),
    }
}

/// Width of the text block in twips, shared by the columns of a full-width table.
pub fn text_width(layout: Layout) -> usize {
    let (width, _, margin) = geometry(layout);
    (width as i32 - margin.left - margin.right).max(1) as usize
}

/// Width of the text block in millimetres, for pictures.
pub fn text_width_mm(layout: Layout) -> f64 {
    text_width(layout) as f64 * 25.4 / 1440.0
}

fn orientation(layout: Layout) -> PageOrientationType {
    match layout {
        Layout::Landscape => PageOrientationType::Landscape,
        _ => PageOrientationType::Portrait,
    }
}

/// "— N —", centred, 四号 (GB/T 9704 puts it under the text block).
pub fn folio() -> Footer {
    let dash = |text: &str| {
        Run::new()
            .add_text(text)
            .fonts(fonts(&BODY))
            .size(FOLIO_SIZE)
    };
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(dash("— "))
            .add_page_num(PageNum::new())
            .add_run(dash(" —"))
            .fonts(fonts(&BODY))
            .size(FOLIO_SIZE),
    )
}

/// The last (or only) section of a file: set on the document itself.
pub fn last_section(docx: Docx, layout: Layout) -> Docx {
    let (width, height, margin) = geometry(layout);
    let docx = docx
        .page_size(width, height)
        .page_orient(orientation(layout))
        .page_margin(margin);
    match layout {
        Layout::Card => docx,
        _ => docx.footer(folio()),
    }
}

/// A section that ends before the next document of a pack begins.
pub fn section(layout: Layout) -> Section {
    let (width, height, margin) = geometry(layout);
    let section = Section::new()
        .page_size(
            docx_rs::PageSize::new()
                .size(width, height)
                .orient(orientation(layout)),
        )
        .page_margin(margin);
    match layout {
        Layout::Card => section,
        _ => section.footer(folio()),
    }
}

/// The pack's cover: portrait, no folio.
pub fn cover_section() -> Section {
    let (width, height, margin) = geometry(Layout::Portrait);
    Section::new()
        .page_size(docx_rs::PageSize::new().size(width, height))
        .page_margin(margin)
}

fn heading_style(id: &str, name: &str, level: usize, face: &Face) -> Style {
    let style = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level)
        .fonts(fonts(face))
        .size(BODY_SIZE)
        .line_spacing(
            LineSpacing::new()
                .before(240)
                .after(120)
                .line(360)
                .line_rule(LineSpacingType::Auto),
        );
    // 一级 黑体, 二级 楷体, 三级 仿宋加粗 (GB/T 9704 7.3.3).
    if level == 2 { style.bold() } else { style }
}

/// Normal (仿宋 三号), Title (小标宋 二号) and Heading 1–3 under their built-in ids and
/// names, so Word lists them as 标题 1–3 and its navigation pane and TOC find them.
pub fn styles(docx: Docx) -> Docx {
    docx.default_fonts(fonts(&BODY))
        .default_size(BODY_SIZE)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .fonts(fonts(&TITLE))
                .size(TITLE_SIZE)
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(120).after(360)),
        )
        .add_style(heading_style("Heading1", "heading 1", 0, &HEADING))
        .add_style(heading_style("Heading2", "heading 2", 1, &KAI))
        .add_style(heading_style("Heading3", "heading 3", 2, &BODY))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_are_gb_t_9704() {
        let (width, height, margin) = geometry(Layout::Portrait);
        assert_eq!((width, height), (11906, 16838));
        assert_eq!((margin.top, margin.bottom), (2098, 1984));
        assert_eq!((margin.left, margin.right), (1587, 1474));
        assert_eq!(text_width(Layout::Portrait), 8845);
    }
}
