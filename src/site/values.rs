//! Format checks for single values: ids, phone numbers, 统一社会信用代码.

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

const CREDIT_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Checks a 统一社会信用代码 (GB 32100-2015), explaining what is wrong.
pub fn check_credit_code(code: &str) -> Result<(), String> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(format!(
            "统一社会信用代码 must have 18 characters, `{code}` has {}",
            chars.len()
        ));
    }
    let mut values = Vec::with_capacity(18);
    for c in &chars {
        match CREDIT_CHARS.find(*c) {
            Some(v) => values.push(v as u32),
            None => {
                return Err(format!(
                    "`{c}` cannot appear in a 统一社会信用代码 (allowed: digits and capital letters except I O S V Z)"
                ));
            }
        }
    }
    let sum: u32 = values.iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    if values[17] != check {
        let expected = CREDIT_CHARS.as_bytes()[check as usize] as char;
        return Err(format!(
            "check digit of `{code}` is wrong (GB 32100-2015 gives `{expected}`): a typo?"
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
        assert!(
            check_credit_code("91330702MA28K3P5XJ")
                .unwrap_err()
                .contains("`K`")
        );
        assert!(check_credit_code("9133070").unwrap_err().contains("18"));
        assert!(
            check_credit_code("91330702MA28K3P5XI")
                .unwrap_err()
                .contains("`I`")
        );
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
