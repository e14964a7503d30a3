//! Safety signs: one table of every sign anquan draws (GB 2894-2008 安全标志, the
//! fire-equipment signs of GB 13495.1-2015 that boards show beside them, and the 警告标识 of
//! GBZ 158-2003 for occupational hazards GB 2894 lacks: 注意高温, 噪声有害, 注意防尘), each with its
//! kind, symbol and text; `select` picks a board's signs, `draw` makes their SVG.

mod draw;
mod glyphs;
pub mod select;

pub use draw::sign_svg;

use glyphs::*;

/// The category of a sign, which fixes its shape and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SignKind {
    /// 禁止标志: red ring and bar, black symbol.
    Prohibition,
    /// 警告标志: yellow triangle, black border and symbol.
    Warning,
    /// 指令标志: blue disc, white symbol.
    Mandatory,
    /// 提示标志: green square, white symbol.
    Information,
    /// 消防安全标志 (GB 13495.1): red square, white symbol.
    Fire,
}

/// One part of a symbol: a drawing of `glyphs` and where it sits in the 100 × 100 box.
pub type Part = (&'static str, &'static str);

pub struct Sign {
    pub text: &'static str,
    pub kind: SignKind,
    pub symbol: &'static [Part],
}

const fn sign(kind: SignKind, text: &'static str, symbol: &'static [Part]) -> Sign {
    Sign { text, kind, symbol }
}

use SignKind::{Fire, Information, Mandatory, Prohibition, Warning};

const WHOLE: &str = "";

/// Every sign, by its name in the standard.
pub const SIGNS: &[Sign] = &[
    // 禁止标志
    sign(Prohibition, "禁止烟火", &[(MATCH, WHOLE)]),
    sign(Prohibition, "禁止吸烟", &[(CIGARETTE, WHOLE)]),
    sign(Prohibition, "禁止启动", &[(BUTTON, WHOLE)]),
    sign(Prohibition, "禁止合闸", &[(SWITCH, WHOLE)]),
    sign(Prohibition, "禁止触摸", &[(HAND, WHOLE)]),
    sign(Prohibition, "禁止入内", &[(WALKER, WHOLE)]),
    sign(Prohibition, "禁止停留", &[(PERSON, WHOLE)]),
    sign(
        Prohibition,
        "禁止戴手套",
        &[
            (HAND, "translate(5 0) scale(.9)"),
            (CUFF, "translate(5 0) scale(.9)"),
        ],
    ),
    sign(
        Prohibition,
        "禁止攀登",
        &[
            (LADDER, "translate(20 0) scale(.8)"),
            (PERSON, "translate(0 20) scale(.6)"),
        ],
    ),
    // 警告标志
    sign(Warning, "注意安全", &[(EXCLAIM, WHOLE)]),
    sign(Warning, "当心触电", &[(BOLT, WHOLE)]),
    sign(
        Warning,
        "当心机械伤人",
        &[
            (GEAR, "translate(42 0) scale(.58)"),
            (HAND, "translate(0 28) scale(.72)"),
        ],
    ),
    sign(
        Warning,
        "当心伤手",
        &[
            (HAND, "translate(0 10) scale(.9)"),
            (BOLT, "translate(62 0) scale(.4)"),
        ],
    ),
    sign(Warning, "当心火灾", &[(FLAME, WHOLE)]),
    sign(Warning, "当心爆炸", &[(BURST, WHOLE)]),
    sign(Warning, "当心中毒", &[(SKULL, WHOLE)]),
    sign(Warning, "当心腐蚀", &[(POURING, WHOLE)]),
    sign(Warning, "当心高温表面", &[(WAVES, WHOLE), (SURFACE, WHOLE)]),
    sign(
        Warning,
        "当心烫伤",
        &[
            (HAND, "translate(0 30) scale(.7)"),
            (WAVES, "translate(40 0) scale(.6)"),
        ],
    ),
    sign(Warning, "当心弧光", &[(ARC, WHOLE)]),
    sign(Warning, "当心叉车", &[(FORKLIFT, WHOLE)]),
    sign(Warning, "当心车辆", &[(CAR, WHOLE)]),
    sign(Warning, "当心坠落", &[(FALLER, WHOLE)]),
    sign(
        Warning,
        "当心落物",
        &[(BLOCK_FALLING, WHOLE), (HEAD, "translate(10 10) scale(.8)")],
    ),
    sign(Warning, "当心吊物", &[(HOOK_LOAD, WHOLE)]),
    sign(Warning, "当心滑倒", &[(SLIPPER, WHOLE)]),
    sign(Warning, "当心缺氧", &[(OXYGEN, WHOLE)]),
    sign(Warning, "当心塌方", &[(BRICKS, WHOLE)]),
    sign(Warning, "当心落水", &[(WATER, WHOLE)]),
    // 警告标识 of GBZ 158-2003 (工作场所职业病危害警示标识), on the 职业病危害告知卡.
    sign(Warning, "注意高温", &[(THERMOMETER, WHOLE)]),
    sign(Warning, "噪声有害", &[(EAR, WHOLE)]),
    sign(Warning, "注意防尘", &[(DUST, WHOLE)]),
    // 指令标志
    sign(Mandatory, "必须戴安全帽", &[(HEAD, WHOLE), (HELMET, WHOLE)]),
    sign(Mandatory, "必须戴防护帽", &[(HEAD, WHOLE), (CAP, WHOLE)]),
    sign(Mandatory, "必须戴防护眼镜", &[(GOGGLES, WHOLE)]),
    sign(Mandatory, "必须佩戴遮光护目镜", &[(DARK_GOGGLES, WHOLE)]),
    sign(
        Mandatory,
        "必须戴防尘口罩",
        &[(FACE, WHOLE), (DUST_MASK, WHOLE)],
    ),
    sign(Mandatory, "必须戴防毒面具", &[(GAS_MASK, WHOLE)]),
    sign(Mandatory, "必须戴护耳器", &[(EARMUFFS, WHOLE)]),
    sign(
        Mandatory,
        "必须戴防护手套",
        &[
            (HAND, "translate(5 0) scale(.9)"),
            (CUFF, "translate(5 0) scale(.9)"),
        ],
    ),
    sign(Mandatory, "必须穿防护鞋", &[(BOOT, WHOLE)]),
    sign(Mandatory, "必须穿防护服", &[(COAT, WHOLE)]),
    sign(
        Mandatory,
        "必须系安全带",
        &[(PERSON, WHOLE), (HARNESS, WHOLE)],
    ),
    sign(Mandatory, "必须穿救生衣", &[(VEST, WHOLE)]),
    sign(Mandatory, "必须接地", &[(EARTH, WHOLE)]),
    sign(Mandatory, "必须加锁", &[(PADLOCK, WHOLE)]),
    // 提示标志
    sign(
        Information,
        "紧急出口",
        &[(RUNNER, "scale(.8)"), (DOOR, WHOLE)],
    ),
    sign(
        Information,
        "避险处",
        &[(ROOF, WHOLE), (PERSON, "translate(25 38) scale(.55)")],
    ),
    sign(
        Information,
        "应急避难场所",
        &[
            (ROOF, WHOLE),
            (PERSON, "translate(14 40) scale(.5)"),
            (PERSON, "translate(40 40) scale(.5)"),
        ],
    ),
    sign(Information, "急救点", &[(CROSS, WHOLE)]),
    sign(Information, "应急电话", &[(HANDSET, WHOLE)]),
    // 消防安全标志 (GB 13495.1-2015)
    sign(Fire, "手提式灭火器", &[(EXTINGUISHER, WHOLE)]),
    sign(
        Fire,
        "推车式灭火器",
        &[(EXTINGUISHER, "translate(10 0) scale(.8)"), (WHEEL, WHOLE)],
    ),
    sign(Fire, "消火栓箱", &[(HOSE_REEL, WHOLE)]),
    sign(
        Fire,
        "火警电话",
        &[
            (HANDSET, "translate(0 20) scale(.8)"),
            (FLAME, "translate(62 0) scale(.38)"),
        ],
    ),
];

/// The sign of that name, if anquan has it.
pub fn sign_named(text: &str) -> Option<&'static Sign> {
    SIGNS.iter().find(|s| s.text == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_mandatory_sign_of_ppe_is_drawn() {
        for (i, s) in SIGNS.iter().enumerate() {
            assert!(SIGNS[..i].iter().all(|o| o.text != s.text), "{}", s.text);
        }
        for sign in crate::facts::ppe::all_mandatory_signs() {
            assert!(sign_named(sign).is_some(), "{sign} has no drawing");
        }
    }
}
