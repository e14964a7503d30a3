//! Format checks for single values: ids, phone numbers, 统一社会信用代码.

use crate::i18n::Message;
use crate::msg;

/// Enterprise, zone, post, team and counselor ids: ASCII letters, digits and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !id.starts_with('-')
}

/// Strips spaces and a `+86` prefix, as people write mobile numbers.
fn normalise_phone(phone: &str) -> String {
    let compact: String = phone.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .strip_prefix("+86")
        .map(str::to_string)
        .unwrap_or(compact)
}

/// Mainland mobile: 1[3-9] and nine more digits.
pub fn is_mobile(phone: &str) -> bool {
    let p = normalise_phone(phone);
    let b = p.as_bytes();
    b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit)
}

/// Landline: 0 + 2–3 digit area code, `-`, 7–8 digits (0579-82345678).
pub fn is_landline(phone: &str) -> bool {
    let p = normalise_phone(phone);
    let Some((area, number)) = p.split_once('-') else {
        return false;
    };
    area.starts_with('0')
        && (3..=4).contains(&area.len())
        && area.bytes().all(|b| b.is_ascii_digit())
        && (7..=8).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_phone(phone: &str) -> bool {
    is_mobile(phone) || is_landline(phone)
}

/// The three-digit public emergency numbers: 110 报警, 119 火警, 120 急救, 122 交通事故.
pub fn is_emergency_number(phone: &str) -> bool {
    matches!(phone.trim(), "110" | "119" | "120" | "122")
}

/// The 20 accident types of GB 6441-1986《企业职工伤亡事故分类》, in the standard's order.
pub const ACCIDENT_TYPES: [&str; 20] = [
    "物体打击",
    "车辆伤害",
    "机械伤害",
    "起重伤害",
    "触电",
    "淹溺",
    "灼烫",
    "火灾",
    "高处坠落",
    "坍塌",
    "冒顶片帮",
    "透水",
    "放炮",
    "火药爆炸",
    "瓦斯爆炸",
    "锅炉爆炸",
    "容器爆炸",
    "其他爆炸",
    "中毒和窒息",
    "其他伤害",
];

const CREDIT_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Checks a 统一社会信用代码 (GB 32100-2015), explaining what is wrong.
pub fn check_credit_code(code: &str) -> Result<(), Message> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(msg!(
            "credit-code-length",
            code = code,
            length = chars.len()
        ));
    }
    let mut values = Vec::with_capacity(18);
    for c in &chars {
        match CREDIT_CHARS.find(*c) {
            Some(v) => values.push(v as u32),
            None => {
                return Err(msg!("credit-code-char", char = c.to_string()));
            }
        }
    }
    let sum: u32 = values.iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    if values[17] != check {
        let expected = CREDIT_CHARS.as_bytes()[check as usize] as char;
        return Err(msg!(
            "credit-code-check-digit",
            code = code,
            expected = expected.to_string()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes_from_the_standard() {
        for ok in [
            "91330700MA2000000P",
            "913307020000000005",
            "91330702MA28K3P5XK",
        ] {
            assert_eq!(check_credit_code(ok), Ok(()), "{ok}");
        }
        let arg = |code: &str, name: &str| {
            let m = check_credit_code(code).unwrap_err();
            m.args.into_iter().find(|a| a.0 == name).unwrap().1
        };
        assert_eq!(arg("91330702MA28K3P5XJ", "expected"), "K".into());
        assert_eq!(arg("9133070", "length"), 7usize.into());
        assert_eq!(arg("91330702MA28K3P5XI", "char"), "I".into());
    }

    #[test]
    fn phones() {
        assert!(is_mobile("13805791234"));
        assert!(is_mobile("+86 138 0579 1234"));
        assert!(!is_mobile("12805791234"));
        assert!(!is_mobile("1380579123"));
        assert!(is_landline("0579-82345678"));
        assert!(is_landline("010-1234567"));
        assert!(!is_landline("579-82345678"));
        assert!(!is_landline("0579 82345678"));
        assert!(is_emergency_number("120") && is_emergency_number("122"));
        assert!(!is_emergency_number("12") && !is_emergency_number("121"));
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("stamping-1"));
        assert!(!is_valid_id("冲压"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
    }
}
