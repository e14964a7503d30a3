//! 职业接触限值 of the factors anquan knows, from GBZ 2.1-2019 (chemical factors, dusts)
//! and GBZ 2.2-2007 (physical factors). A factor not in the table gets no value: its
//! notice leaves the line blank rather than guess.

/// (factor names, limit as a notice prints it). A factor matches a name exactly, or with a
/// note in brackets after it: "其他粉尘（金属粉尘）" is 其他粉尘, "苯乙烯" is not 苯.
const LIMITS: [(&[&str], &str); 13] = [
    (
        &["噪声"],
        "每周工作 5 d、每天工作 8 h，等效声级（LEX,8h）85 dB(A)；每周工作日不是 5 d 的，\
         40 h 等效声级（LEX,w）85 dB(A)（GBZ 2.2-2007）",
    ),
    (
        &["高温"],
        "WBGT 指数限值（℃），接触时间率 100%：体力劳动强度Ⅰ级 30、Ⅱ级 28、Ⅲ级 26、Ⅳ级 25；\
         75%：31、29、28、26；50%：32、30、29、28；25%：33、32、31、30；\
         本地区室外通风设计温度≥30 ℃的，限值相应增加 1 ℃（GBZ 2.2-2007）",
    ),
    (&["电焊烟尘"], "PC-TWA 4 mg/m³（总尘）（GBZ 2.1-2019）"),
    (&["其他粉尘"], "PC-TWA 8 mg/m³（总尘）（GBZ 2.1-2019）"),
    (
        &["铝尘", "铝合金粉尘", "铝金属粉尘"],
        "铝尘（铝金属、铝合金粉尘）PC-TWA 3 mg/m³（总尘）（GBZ 2.1-2019）",
    ),
    (
        &["苯系物"],
        "苯 PC-TWA 6 mg/m³、PC-STEL 10 mg/m³；甲苯 PC-TWA 50 mg/m³、PC-STEL 100 mg/m³；\
         二甲苯（全部异构体）PC-TWA 50 mg/m³、PC-STEL 100 mg/m³（GBZ 2.1-2019）",
    ),
    (&["苯"], "PC-TWA 6 mg/m³，PC-STEL 10 mg/m³（GBZ 2.1-2019）"),
    (
        &["甲苯"],
        "PC-TWA 50 mg/m³，PC-STEL 100 mg/m³（GBZ 2.1-2019）",
    ),
    (
        &["二甲苯"],
        "PC-TWA 50 mg/m³，PC-STEL 100 mg/m³（GBZ 2.1-2019）",
    ),
    (
        &["一氧化碳"],
        "非高原：PC-TWA 20 mg/m³，PC-STEL 30 mg/m³（GBZ 2.1-2019）",
    ),
    (&["硫化氢"], "MAC 10 mg/m³（GBZ 2.1-2019）"),
    (&["氨"], "PC-TWA 20 mg/m³，PC-STEL 30 mg/m³（GBZ 2.1-2019）"),
    (&["甲醛"], "MAC 0.5 mg/m³（GBZ 2.1-2019）"),
];

/// The exposure limit of a factor, if the table has it.
pub fn exposure_limit(factor: &str) -> Option<&'static str> {
    let factor = factor.trim();
    LIMITS
        .iter()
        .find(|(names, _)| {
            names.iter().any(|n| {
                factor == *n
                    || factor
                        .strip_prefix(n)
                        .is_some_and(|rest| rest.starts_with('（') || rest.starts_with('('))
            })
        })
        .map(|(_, limit)| *limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_match_by_name_and_unknown_ones_stay_blank() {
        assert!(exposure_limit("噪声").is_some_and(|l| l.contains("85 dB(A)")));
        assert!(exposure_limit("其他粉尘（金属粉尘）").is_some_and(|l| l.contains("8 mg/m³")));
        assert!(exposure_limit("铝尘（铝合金粉尘）").is_some_and(|l| l.contains("3 mg/m³")));
        assert!(exposure_limit("电焊烟尘").is_some_and(|l| l.contains("4 mg/m³")));
        assert!(exposure_limit("甲苯").is_some_and(|l| l.starts_with("PC-TWA 50")));
        assert!(exposure_limit("苯").is_some_and(|l| l.starts_with("PC-TWA 6")));
        assert_eq!(exposure_limit("苯乙烯"), None);
        assert_eq!(exposure_limit("矽尘"), None);
        assert_eq!(exposure_limit("粉尘"), None);
    }
}
