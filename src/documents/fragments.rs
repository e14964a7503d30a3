//! Knowledge texts kept in `content/` as Markdown fragments: `### 标题` headings, each
//! followed by `- item` lines (or plain lines), read back as named sections so that a
//! document can place each part where its form wants it.

/// The sections of a rendered fragment in order, each with its items; lines before the
/// first heading are dropped.
pub fn sections(markdown: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in markdown.lines().map(str::trim) {
        if let Some(title) = line.strip_prefix("### ") {
            out.push((title.trim().to_string(), Vec::new()));
        } else if let Some((_, items)) = out.last_mut() {
            let item = line.strip_prefix("- ").unwrap_or(line).trim();
            if !item.is_empty() {
                items.push(item.to_string());
            }
        }
    }
    out
}

/// The items of one section, empty when the fragment lacks it.
pub fn section<'s>(sections: &'s [(String, Vec<String>)], title: &str) -> &'s [String] {
    sections
        .iter()
        .find(|(t, _)| t == title)
        .map_or(&[], |(_, items)| items.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_split_items_and_plain_lines() {
        let s = sections(
            "前言\n### 健康危害\n长期接触可致听力损失。\n\n### 警示标识\n- 注意防尘\n- 必须戴防尘口罩\n",
        );
        assert_eq!(section(&s, "健康危害"), ["长期接触可致听力损失。"]);
        assert_eq!(section(&s, "警示标识"), ["注意防尘", "必须戴防尘口罩"]);
        assert!(section(&s, "理化特性").is_empty());
    }
}
