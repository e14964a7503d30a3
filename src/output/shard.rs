//! `build --shard K/N`: a stable share of the enterprises, for CI matrices. The share of
//! an enterprise depends on its id and N alone, so adding or removing an enterprise moves
//! no other one to another shard.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The K-th of N shards (1 ≤ K ≤ N), as written `K/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a shard: write K/N with 1 ≤ K ≤ N, e.g. 2/4")]
pub struct ShardSyntax(String);

impl FromStr for Shard {
    type Err = ShardSyntax;

    fn from_str(text: &str) -> Result<Shard, ShardSyntax> {
        let bad = || ShardSyntax(text.to_string());
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether this shard builds the enterprise `id`.
    pub fn contains(&self, id: &str) -> bool {
        shard_of(id, self.count) == self.index
    }
}

/// The shard (1..=count) that builds the enterprise `id`: FNV-1a (64 bit) of the id's
/// UTF-8 bytes, modulo `count`, plus one. FNV-1a is fixed by its definition, unlike
/// Rust's `DefaultHasher`, so every anquan version and every machine of a CI matrix
/// splits the same way.
pub fn shard_of(id: &str, count: u32) -> u32 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = id
        .bytes()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    // `count` is at least 1 for a parsed shard; 0 is treated as one shard.
    let share = hash % u64::from(count.max(1));
    u32::try_from(share).map_or(1, |s| s + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "2", "a/b", "1/0", "-1/2", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert_eq!(Shard { index: 3, count: 7 }.to_string(), "3/7");
    }

    #[test]
    fn fnv_1a_is_the_published_function() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the reference test vectors).
        assert_eq!(
            shard_of("a", u32::MAX),
            (0xaf63_dc4c_8601_ec8c_u64 % u64::from(u32::MAX)) as u32 + 1
        );
        assert_eq!(shard_of("anything", 1), 1);
        // Pinned: a change here would move enterprises between the shards of a CI matrix.
        assert_eq!((shard_of("ruifeng", 2), shard_of("jinshun", 2)), (2, 1));
        assert_eq!((shard_of("ruifeng", 3), shard_of("jinshun", 3)), (1, 2));
    }

    #[test]
    fn every_id_has_exactly_one_shard_and_shares_are_even() {
        let ids: Vec<String> = (0..200).map(|i| format!("e{i:03}")).collect();
        for n in 1..=5 {
            let shards: Vec<Shard> = (1..=n).map(|index| Shard { index, count: n }).collect();
            for id in &ids {
                assert_eq!(shards.iter().filter(|s| s.contains(id)).count(), 1);
            }
        }
        // And the shares are roughly even.
        for k in 1..=4 {
            let n = ids.iter().filter(|id| shard_of(id, 4) == k).count();
            assert!((30..=70).contains(&n), "shard {k} of 4 has {n} of 200");
        }
    }
}
