//! Risk grading (spec §5): LEC D = L×E×C and LS R = L×S, four levels, one threshold table.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::site::model::{Assessment, LevelBounds, Method, RiskThresholdsInput};

/// The four levels, most severe first (so `min` is the most severe).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
pub enum Level {
    重大,
    较大,
    一般,
    低,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::重大, Level::较大, Level::一般, Level::低];

    pub fn name(self) -> &'static str {
        match self {
            Level::重大 => "重大",
            Level::较大 => "较大",
            Level::一般 => "一般",
            Level::低 => "低",
        }
    }

    /// 红/橙/黄/蓝 as the four-colour map names them.
    pub fn colour_name(self) -> &'static str {
        match self {
            Level::重大 => "红色",
            Level::较大 => "橙色",
            Level::一般 => "黄色",
            Level::低 => "蓝色",
        }
    }

    pub fn colour(self) -> &'static str {
        match self {
            Level::重大 => "#FF0000",
            Level::较大 => "#FF8C00",
            Level::一般 => "#FFFF00",
            Level::低 => "#0070C0",
        }
    }

    /// Text colour legible on the fill.
    pub fn ink(self) -> &'static str {
        match self {
            Level::重大 | Level::低 => "#FFFFFF",
            Level::较大 | Level::一般 => "#000000",
        }
    }

    /// CSS class name, ASCII.
    pub fn css(self) -> &'static str {
        match self {
            Level::重大 => "major",
            Level::较大 => "high",
            Level::一般 => "medium",
            Level::低 => "low",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Lower bounds per level. LEC compares `D > bound`, LS `R >= bound` (spec §5).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Thresholds {
    pub lec: LevelBounds,
    pub ls: LevelBounds,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            lec: LevelBounds {
                重大: 320.0,
                较大: 160.0,
                一般: 70.0,
            },
            ls: LevelBounds {
                重大: 20.0,
                较大: 15.0,
                一般: 9.0,
            },
        }
    }
}

impl Thresholds {
    pub fn from_input(input: Option<&RiskThresholdsInput>) -> Thresholds {
        let defaults = Thresholds::default();
        match input {
            None => defaults,
            Some(input) => Thresholds {
                lec: input.lec.unwrap_or(defaults.lec),
                ls: input.ls.unwrap_or(defaults.ls),
            },
        }
    }

    pub fn lec_level(&self, d: f64) -> Level {
        let b = self.lec;
        if d > b.重大 {
            Level::重大
        } else if d > b.较大 {
            Level::较大
        } else if d > b.一般 {
            Level::一般
        } else {
            Level::低
        }
    }

    pub fn ls_level(&self, r: f64) -> Level {
        let b = self.ls;
        if r >= b.重大 {
            Level::重大
        } else if r >= b.较大 {
            Level::较大
        } else if r >= b.一般 {
            Level::一般
        } else {
            Level::低
        }
    }
}

/// Allowed factor values (domain.md §1); anything else is a typo.
pub const LEC_L: [f64; 7] = [10.0, 6.0, 3.0, 1.0, 0.5, 0.2, 0.1];
pub const LEC_E: [f64; 6] = [10.0, 6.0, 3.0, 2.0, 1.0, 0.5];
pub const LEC_C: [f64; 6] = [100.0, 40.0, 15.0, 7.0, 3.0, 1.0];
pub const LS_FACTOR: [f64; 5] = [1.0, 2.0, 3.0, 4.0, 5.0];

/// A computed assessment: the score (D or R), its formula and level.
#[derive(Debug, Clone, Serialize)]
pub struct Grade {
    pub score: f64,
    pub formula: String,
    pub level: Level,
}

/// Grades an assessment that validation has already found complete.
pub fn grade(assessment: &Assessment, thresholds: &Thresholds) -> Option<Grade> {
    match assessment.method {
        Method::Lec => {
            let (l, e, c) = (assessment.l, assessment.e?, assessment.c?);
            let d = l * e * c;
            Some(Grade {
                score: d,
                formula: format!("D = L×E×C = {}×{}×{} = {}", num(l), num(e), num(c), num(d)),
                level: thresholds.lec_level(d),
            })
        }
        Method::Ls => {
            let (l, s) = (assessment.l, assessment.s?);
            let r = l * s;
            Some(Grade {
                score: r,
                formula: format!("R = L×S = {}×{} = {}", num(l), num(s), num(r)),
                level: thresholds.ls_level(r),
            })
        }
    }
}

/// Prints 3 as "3" and 0.5 as "0.5"; scores are products of short decimals.
pub fn num(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lec_edges() {
        let t = Thresholds::default();
        assert_eq!(t.lec_level(321.0), Level::重大);
        assert_eq!(t.lec_level(320.0), Level::较大);
        assert_eq!(t.lec_level(160.5), Level::较大);
        assert_eq!(t.lec_level(160.0), Level::一般);
        assert_eq!(t.lec_level(70.5), Level::一般);
        // 1×10×7 = 70 is the edge the tools disagree on: spec says D ≤ 70 is 低.
        assert_eq!(t.lec_level(70.0), Level::低);
        assert_eq!(t.lec_level(0.1), Level::低);
    }

    #[test]
    fn ls_edges() {
        let t = Thresholds::default();
        assert_eq!(t.ls_level(25.0), Level::重大);
        assert_eq!(t.ls_level(20.0), Level::重大);
        assert_eq!(t.ls_level(16.0), Level::较大);
        assert_eq!(t.ls_level(15.0), Level::较大);
        assert_eq!(t.ls_level(12.0), Level::一般);
        assert_eq!(t.ls_level(9.0), Level::一般);
        assert_eq!(t.ls_level(8.0), Level::低);
    }

    #[test]
    fn grades_both_methods() {
        let t = Thresholds::default();
        let lec = Assessment {
            method: Method::Lec,
            l: 3.0,
            e: Some(6.0),
            c: Some(15.0),
            s: None,
            level: None,
        };
        let g = grade(&lec, &t).unwrap();
        assert_eq!((g.score, g.level), (270.0, Level::较大));
        assert_eq!(g.formula, "D = L×E×C = 3×6×15 = 270");
        let ls = Assessment {
            method: Method::Ls,
            l: 4.0,
            e: None,
            c: None,
            s: Some(4.0),
            level: None,
        };
        assert_eq!(grade(&ls, &t).unwrap().level, Level::较大);
        let half = Assessment {
            method: Method::Lec,
            l: 0.5,
            e: Some(6.0),
            c: Some(7.0),
            s: None,
            level: None,
        };
        assert_eq!(
            grade(&half, &t).unwrap().formula,
            "D = L×E×C = 0.5×6×7 = 21"
        );
    }

    #[test]
    fn site_overrides_thresholds() {
        let input = RiskThresholdsInput {
            lec: Some(LevelBounds {
                重大: 159.0,
                较大: 100.0,
                一般: 50.0,
            }),
            ls: None,
        };
        let t = Thresholds::from_input(Some(&input));
        assert_eq!(t.lec_level(160.0), Level::重大);
        assert_eq!(t.ls_level(20.0), Level::重大);
    }
}
