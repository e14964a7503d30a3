//! The symbols of the safety signs, drawn in a 100 × 100 box. Each is SVG that takes its
//! colour from the enclosing group (`fill`, `stroke`); `BG` stands for the sign's ground
//! colour where a symbol has a hole (the eyes of a skull). Simplified after GB 2894-2008
//! and GB 13495.1-2015, recognisable at the size of a board.

/// Thick strokes in the symbol's colour (lines, outlines).
macro_rules! stroked {
    ($w:literal, $d:literal) => {
        concat!(
            r#"<path fill="none" stroke-width=""#,
            $w,
            r#"" stroke-linecap="round" stroke-linejoin="round" d=""#,
            $d,
            r#""/>"#
        )
    };
}

pub const BOLT: &str = r#"<path d="M60 4 L24 56 L46 56 L36 96 L76 40 L54 40 L66 4 Z"/>"#;
pub const FLAME: &str = r#"<path d="M50 4 C62 24 82 38 80 62 C78 84 64 96 50 96 C34 96 20 84 21 64 C22 48 32 40 37 27 C42 40 45 46 50 50 C55 37 55 22 50 4 Z"/>"#;
pub const BURST: &str = r#"<polygon points="50,2 58,30 84,12 70,40 98,44 72,58 90,86 60,70 52,98 42,70 12,88 28,60 2,50 30,40 14,14 42,30"/>"#;
pub const SKULL: &str = concat!(
    r#"<ellipse cx="50" cy="36" rx="26" ry="24"/><rect x="36" y="52" width="28" height="16" rx="3"/>"#,
    r#"<circle cx="40" cy="36" r="7" fill="BG"/><circle cx="60" cy="36" r="7" fill="BG"/><path d="M50 44 L45 53 L55 53 Z" fill="BG"/>"#,
    stroked!("8", "M16 74 L84 96 M16 96 L84 74")
);
pub const GEAR: &str = concat!(
    r#"<circle cx="50" cy="50" r="36" fill="none" stroke-width="14" stroke-dasharray="10 8.85"/>"#,
    r#"<circle cx="50" cy="50" r="26" fill="none" stroke-width="12"/>"#
);
pub const HAND: &str = concat!(
    r#"<rect x="30" y="46" width="38" height="40" rx="9"/><rect x="30" y="18" width="8.5" height="34" rx="4.2"/>"#,
    r#"<rect x="40" y="10" width="8.5" height="40" rx="4.2"/><rect x="50" y="12" width="8.5" height="38" rx="4.2"/>"#,
    r#"<rect x="60" y="20" width="8" height="30" rx="4"/><rect x="12" y="48" width="24" height="9" rx="4.5" transform="rotate(40 24 52)"/>"#
);
pub const CUFF: &str = r#"<rect x="28" y="84" width="42" height="14" rx="2"/>"#;
pub const WAVES: &str = stroked!(
    "7",
    "M28 62 C18 50 38 40 28 24 M50 62 C40 50 60 40 50 24 M72 62 C62 50 82 40 72 24"
);
pub const SURFACE: &str = r#"<rect x="8" y="72" width="84" height="14"/>"#;
pub const PERSON: &str = concat!(
    r#"<circle cx="50" cy="13" r="10"/>"#,
    stroked!(
        "10",
        "M50 28 L50 60 M50 60 L38 94 M50 60 L62 94 M30 46 L50 32 L70 46"
    )
);
pub const WALKER: &str = concat!(
    r#"<circle cx="54" cy="12" r="10"/>"#,
    stroked!(
        "10",
        "M52 28 L46 60 L30 94 M46 60 L60 76 L62 96 M30 50 L50 32 L66 52"
    )
);
pub const RUNNER: &str = concat!(
    r#"<circle cx="62" cy="12" r="10"/>"#,
    stroked!(
        "10",
        "M58 28 L44 58 L22 70 M44 58 L62 72 L56 96 M32 40 L56 30 L74 46"
    )
);
pub const FALLER: &str = concat!(
    r#"<circle cx="30" cy="70" r="10"/>"#,
    stroked!(
        "10",
        "M40 60 L64 44 L80 22 M64 44 L88 50 M50 52 L40 30 M56 50 L70 70"
    )
);
pub const SLIPPER: &str = concat!(
    r#"<circle cx="36" cy="16" r="10"/>"#,
    stroked!(
        "10",
        "M42 30 L54 58 L84 66 M54 58 L36 86 M20 48 L46 36 L58 20"
    ),
    r#"<rect x="6" y="90" width="88" height="6"/>"#
);
pub const HEAD: &str =
    r#"<circle cx="50" cy="60" r="22"/><rect x="36" y="80" width="28" height="18"/>"#;
pub const BLOCK_FALLING: &str = concat!(
    r#"<rect x="34" y="4" width="32" height="24" transform="rotate(15 50 16)"/>"#,
    stroked!("5", "M26 8 L26 28 M74 10 L74 30")
);
pub const HOOK_LOAD: &str = concat!(
    stroked!(
        "6",
        "M50 2 L50 24 M50 24 C38 26 38 44 50 44 C60 44 62 36 57 32 M50 44 L30 60 M50 44 L70 60"
    ),
    r#"<rect x="22" y="60" width="56" height="34"/>"#
);
pub const FORKLIFT: &str = concat!(
    r#"<rect x="14" y="46" width="44" height="28"/><rect x="64" y="8" width="7" height="72"/>"#,
    r#"<rect x="71" y="74" width="26" height="6"/><circle cx="26" cy="80" r="11"/><circle cx="54" cy="80" r="11"/>"#,
    stroked!("6", "M22 46 L28 20 L52 20 L58 46")
);
pub const CAR: &str = concat!(
    r#"<path d="M8 56 L20 32 L76 32 L90 56 L94 56 L94 76 L6 76 L6 56 Z"/>"#,
    r#"<path d="M26 38 L70 38 L80 54 L18 54 Z" fill="BG"/><circle cx="26" cy="78" r="10"/><circle cx="74" cy="78" r="10"/>"#
);
pub const DUST: &str = concat!(
    r#"<circle cx="30" cy="30" r="7"/><circle cx="56" cy="22" r="6"/><circle cx="76" cy="38" r="7"/><circle cx="44" cy="46" r="8"/>"#,
    r#"<circle cx="22" cy="60" r="6"/><circle cx="66" cy="62" r="8"/><circle cx="40" cy="76" r="7"/><circle cx="78" cy="80" r="5"/><circle cx="18" cy="86" r="5"/>"#
);
pub const OXYGEN: &str = concat!(
    r#"<circle cx="40" cy="50" r="26" fill="none" stroke-width="11"/>"#,
    r#"<path d="M66 62 C66 50 88 50 86 64 C84 74 68 82 66 92 L88 92" fill="none" stroke-width="7" stroke-linejoin="round"/>"#
);
pub const BRICKS: &str = concat!(
    r#"<rect x="8" y="76" width="40" height="18"/><rect x="52" y="76" width="40" height="18"/><rect x="28" y="54" width="40" height="18"/>"#,
    r#"<rect x="58" y="20" width="30" height="16" transform="rotate(25 73 28)"/><rect x="16" y="16" width="28" height="16" transform="rotate(-20 30 24)"/>"#
);
pub const WATER: &str = concat!(
    r#"<circle cx="50" cy="30" r="12"/>"#,
    stroked!("7", "M30 50 L40 60 M70 50 L60 60"),
    stroked!(
        "7",
        "M6 72 C18 62 26 82 38 72 C50 62 58 82 70 72 C82 62 88 80 96 72 M6 90 C18 80 26 98 38 90 C50 80 58 98 70 90 C82 80 88 98 96 90"
    )
);
pub const ARC: &str = concat!(
    r#"<circle cx="50" cy="56" r="12"/>"#,
    stroked!(
        "6",
        "M50 36 L50 22 M50 76 L50 90 M30 56 L16 56 M70 56 L84 56 M36 42 L26 32 M64 42 L74 32 M36 70 L26 80 M64 70 L74 80"
    ),
    stroked!("8", "M50 2 L50 40")
);
pub const EXCLAIM: &str =
    r#"<rect x="42" y="8" width="16" height="58" rx="6"/><circle cx="50" cy="84" r="9"/>"#;
pub const POURING: &str = concat!(
    r#"<rect x="46" y="2" width="16" height="40" rx="4" transform="rotate(50 54 22)"/>"#,
    r#"<path d="M30 38 C26 46 34 46 30 38 Z M26 52 C20 62 32 62 26 52 Z"/>"#,
    r#"<path d="M8 80 L40 80 L44 72 L56 72 L60 80 L92 80 L92 96 L8 96 Z"/>"#
);
pub const CIGARETTE: &str = concat!(
    r#"<rect x="8" y="56" width="64" height="14"/><rect x="74" y="56" width="14" height="14"/>"#,
    stroked!("5", "M80 50 C72 40 90 34 80 22 M70 48 C64 40 78 34 70 26")
);
pub const MATCH: &str = concat!(
    r#"<rect x="46" y="44" width="8" height="52"/>"#,
    r#"<path d="M50 4 C58 16 68 24 66 38 C64 46 58 50 50 50 C42 50 36 46 35 38 C34 28 42 22 50 4 Z"/>"#
);
pub const BUTTON: &str = concat!(
    r#"<rect x="20" y="62" width="60" height="34" rx="3"/><rect x="36" y="50" width="28" height="14" rx="3"/>"#,
    r#"<rect x="42" y="8" width="16" height="40" rx="7"/>"#
);
pub const SWITCH: &str = concat!(
    r#"<rect x="10" y="80" width="80" height="12"/><circle cx="26" cy="72" r="8"/><circle cx="74" cy="72" r="8"/>"#,
    stroked!("8", "M26 72 L68 30 M60 22 L78 40")
);
pub const LADDER: &str = stroked!(
    "7",
    "M30 4 L30 96 M70 4 L70 96 M30 20 L70 20 M30 40 L70 40 M30 60 L70 60 M30 80 L70 80"
);
pub const HELMET: &str =
    r#"<path d="M24 50 C24 14 76 14 76 50 Z"/><rect x="16" y="46" width="68" height="8" rx="4"/>"#;
pub const CAP: &str =
    r#"<path d="M26 50 C26 26 74 26 74 50 Z"/><rect x="22" y="46" width="56" height="6" rx="3"/>"#;
pub const GOGGLES: &str = concat!(
    r#"<rect x="8" y="34" width="38" height="30" rx="12" fill="none" stroke-width="8"/>"#,
    r#"<rect x="54" y="34" width="38" height="30" rx="12" fill="none" stroke-width="8"/>"#,
    r#"<rect x="44" y="44" width="12" height="8"/>"#
);
pub const DARK_GOGGLES: &str = concat!(
    r#"<rect x="8" y="34" width="38" height="30" rx="12"/><rect x="54" y="34" width="38" height="30" rx="12"/>"#,
    r#"<rect x="44" y="44" width="12" height="8"/>"#
);
pub const FACE: &str = concat!(
    r#"<ellipse cx="50" cy="48" rx="30" ry="38" fill="none" stroke-width="7"/>"#,
    r#"<circle cx="38" cy="38" r="5"/><circle cx="62" cy="38" r="5"/>"#
);
pub const DUST_MASK: &str = r#"<path d="M22 56 C30 50 70 50 78 56 L72 80 C62 90 38 90 28 80 Z"/>"#;
pub const GAS_MASK: &str = concat!(
    r#"<ellipse cx="50" cy="48" rx="30" ry="38" fill="none" stroke-width="7"/>"#,
    r#"<circle cx="38" cy="38" r="9"/><circle cx="62" cy="38" r="9"/><rect x="36" y="62" width="28" height="30" rx="6"/>"#
);
pub const EARMUFFS: &str = concat!(
    r#"<ellipse cx="50" cy="56" rx="24" ry="30" fill="none" stroke-width="6"/>"#,
    r#"<rect x="12" y="42" width="16" height="30" rx="6"/><rect x="72" y="42" width="16" height="30" rx="6"/>"#,
    stroked!("7", "M20 44 C20 6 80 6 80 44")
);
pub const BOOT: &str =
    r#"<path d="M26 6 L56 6 L56 56 L86 66 C94 70 94 84 88 90 L20 90 C18 70 26 50 26 6 Z"/>"#;
pub const COAT: &str =
    r#"<path d="M36 6 L50 16 L64 6 L90 22 L82 46 L72 40 L72 94 L28 94 L28 40 L18 46 L10 22 Z"/>"#;
pub const HARNESS: &str = stroked!("5", "M36 34 L64 58 M64 34 L36 58 M50 46 L82 12 L82 4");
pub const VEST: &str = concat!(
    r#"<path d="M30 6 L44 6 L50 22 L56 6 L70 6 L84 30 L84 94 L16 94 L16 30 Z"/>"#,
    r#"<rect x="16" y="52" width="68" height="8" fill="BG"/><rect x="16" y="70" width="68" height="8" fill="BG"/>"#
);
pub const EARTH: &str = stroked!(
    "8",
    "M50 6 L50 52 M18 52 L82 52 M30 68 L70 68 M42 84 L58 84"
);
pub const PADLOCK: &str = concat!(
    r#"<rect x="18" y="44" width="64" height="50" rx="6"/>"#,
    stroked!("10", "M32 44 L32 30 C32 6 68 6 68 30 L68 44"),
    r#"<circle cx="50" cy="66" r="7" fill="BG"/><rect x="47" y="66" width="6" height="16" fill="BG"/>"#
);
pub const DOOR: &str =
    r#"<rect x="62" y="6" width="32" height="88" fill="none" stroke-width="6"/>"#;
pub const ROOF: &str = stroked!("8", "M6 40 L50 6 L94 40 M16 34 L16 96 M84 34 L84 96");
pub const CROSS: &str = r#"<path d="M38 10 L62 10 L62 38 L90 38 L90 62 L62 62 L62 90 L38 90 L38 62 L10 62 L10 38 L38 38 Z"/>"#;
pub const HANDSET: &str = r#"<path d="M22 8 L38 8 L44 30 L34 38 C38 52 48 62 62 66 L70 56 L92 62 L92 78 C92 86 84 92 76 92 C42 88 12 58 8 24 C8 16 14 8 22 8 Z"/>"#;
pub const EXTINGUISHER: &str = concat!(
    r#"<rect x="30" y="30" width="40" height="66" rx="12"/><rect x="40" y="16" width="20" height="16"/>"#,
    stroked!("6", "M40 18 L20 10 M50 16 C50 6 70 6 76 14 L84 40")
);
pub const HOSE_REEL: &str = concat!(
    r#"<rect x="8" y="8" width="84" height="84" fill="none" stroke-width="6"/>"#,
    r#"<circle cx="50" cy="50" r="30" fill="none" stroke-width="7"/><circle cx="50" cy="50" r="14" fill="none" stroke-width="7"/>"#,
    stroked!("7", "M80 50 L88 86")
);
pub const WHEEL: &str = concat!(
    r#"<circle cx="70" cy="86" r="10"/>"#,
    stroked!("6", "M60 40 L84 40 L84 80")
);
/// 注意高温 (GBZ 158-2003): a thermometer with heat rising beside it.
pub const THERMOMETER: &str = concat!(
    r#"<rect x="28" y="4" width="20" height="70" rx="10" fill="none" stroke-width="6"/>"#,
    r#"<circle cx="38" cy="80" r="16"/><rect x="34" y="30" width="8" height="46"/>"#,
    stroked!("3", "M48 20 L40 20 M48 34 L40 34 M48 48 L40 48"),
    stroked!(
        "6",
        "M66 70 C58 60 74 52 66 40 C58 30 74 22 66 10 M86 70 C78 60 94 52 86 40 C78 30 94 22 86 10"
    )
);
/// 噪声有害 (GBZ 158-2003): an ear struck by sound waves.
pub const EAR: &str = concat!(
    stroked!(
        "8",
        "M52 38 C52 14 90 10 90 40 C90 58 72 62 70 78 C68 92 52 96 46 86"
    ),
    stroked!("6", "M64 44 C64 32 78 32 78 44 C78 52 68 54 68 62"),
    stroked!(
        "6",
        "M36 34 C30 44 30 56 36 66 M24 26 C14 42 14 58 24 74 M12 18 C0 38 0 62 12 82"
    )
);
