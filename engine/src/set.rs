//! The engine's sets and maps: sorted `Vec`s searched by binary search, in place of the
//! standard library's `BTreeSet` and `BTreeMap`.
//!
//! Why: the B-tree's code (insert, remove, merging and stealing between nodes, cloning and
//! dropping a subtree) is compiled anew for every key type, and podpath used it for levels,
//! formats, length bands, platforms, topic ids, show indices and source fields, all of it in the
//! wasm (twiggy). The sets and counts podpath keeps hold at most a few hundred small items,
//! where a sorted `Vec` is as fast and its code is a fraction of the size. What it saved is
//! measured in the README's size section.
//!
//! The behaviour is the B-tree's: iteration in `Ord` order, each key once, `insert` keeping the
//! value already there for a set and replacing it for a map, equality (and a set's hash) that
//! does not depend on the order the items came in, and `Debug` output in `{..}` form. Every generic
//! function here is compiled once per item type, so there are few of them: each lookup goes
//! through one `binary_search_by`.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

/// Where the element whose key is `wanted` is in `sorted` (`Ok`), or where it would go (`Err`):
/// the one binary search behind `Set` and `Map`.
fn search<E, K, Q>(sorted: &[E], key: impl Fn(&E) -> &K, wanted: &Q) -> Result<usize, usize>
where
    K: Borrow<Q>,
    Q: Ord + ?Sized,
{
    sorted.binary_search_by(|e| key(e).borrow().cmp(wanted))
}

/// A set kept as a sorted `Vec` without duplicates: a `BTreeSet` for a few hundred items.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Set<T> {
    /// Sorted by `Ord`, each item once.
    items: Vec<T>,
}

impl<T> Set<T> {
    pub const fn new() -> Self {
        Set { items: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items in `Ord` order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Where `value` is (`Ok`), or where it would go (`Err`).
    fn position<Q>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        search(&self.items, |item| item, value)
    }

    /// Whether the set holds `value`; it may be a borrowed form of the item (`&str` for a
    /// `Set<TopicId>`).
    pub fn contains<Q>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.position(value).is_ok()
    }

    /// Removes `value`; false when it was not there.
    pub fn remove<Q>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        match self.position(value) {
            Ok(at) => {
                self.items.remove(at);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T: Ord> Set<T> {
    /// Adds `value` in its place; false (and the set unchanged) when an equal item is there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.position(&value) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, value);
                true
            }
        }
    }
}

// By hand: the derive would ask for `T: Default`.
impl<T> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}

/// `{a, b}`, like `BTreeSet`.
impl<T: fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        for value in values {
            self.insert(value);
        }
    }
}

// One insert at a time rather than a sort and a dedup: the lists are small, and a sort would
// be compiled once more per item type.
impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut set = Set::new();
        set.extend(values);
        set
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// A map kept as a `Vec` of pairs sorted by key, each key once: a `BTreeMap` for a few
/// hundred entries. It reads and writes through serde as a map, like `BTreeMap`.
#[derive(Clone, PartialEq, Eq)]
pub struct Map<K, V> {
    /// Sorted by key, each key once.
    entries: Vec<(K, V)>,
}

/// The pairs of a [`Map`] in key order, as references.
pub type MapIter<'a, K, V> =
    std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

impl<K, V> Map<K, V> {
    pub const fn new() -> Self {
        Map {
            entries: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> MapIter<'_, K, V> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Where `key`'s entry is (`Ok`), or where it would go (`Err`).
    fn position<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        search(&self.entries, |(k, _)| k, key)
    }

    /// The value at `key`, which may be a borrowed form of the key.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let at = self.position(key).ok()?;
        self.entries.get(at).map(|(_, v)| v)
    }
}

impl<K: Ord, V> Map<K, V> {
    /// Sets `key` to `value`, giving back the value it replaces (the key kept is the first
    /// one, as in `BTreeMap`).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Ok(at) => self
                .entries
                .get_mut(at)
                .map(|(_, v)| std::mem::replace(v, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }
}

// By hand: the derive would ask for `K: Default, V: Default`.
impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map::new()
    }
}

/// `{k: v, ..}`, like `BTreeMap`.
impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A repeated key keeps its last value, as when collecting into a `BTreeMap`.
impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut map = Map::new();
        for (k, v) in entries {
            map.insert(k, v);
        }
        map
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = MapIter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// As a map of its entries in key order, like `BTreeMap` (postcard: the length, then the
/// pairs).
impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// From a map, like `BTreeMap`: the same expectation in errors ("a map"), the same entry by
/// entry reading (so `serde_path_to_error` names the key), a repeated key keeping its last
/// value.
impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Map<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = Map<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = Map::new();
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A count per key (facet values, topics), kept as a `Vec` of `(key, count)` sorted by key:
/// what a `BTreeMap<K, usize>` was used for. A key never added counts 0.
#[derive(Clone, PartialEq, Eq)]
pub struct Counts<K> {
    counts: Map<K, usize>,
}

impl<K> Counts<K> {
    pub const fn new() -> Self {
        Counts { counts: Map::new() }
    }

    /// How many keys have a count.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The count of `key` (a borrowed form of it will do); 0 when it was never added.
    pub fn get<Q>(&self, key: &Q) -> usize
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// The keys and their counts, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, usize)> {
        self.counts.iter().map(|(k, &n)| (k, n))
    }
}

impl<K: Ord> Counts<K> {
    /// Adds `n` to the count of `key`.
    pub fn add(&mut self, key: K, n: usize) {
        match self.counts.position(&key) {
            Ok(at) => {
                if let Some((_, count)) = self.counts.entries.get_mut(at) {
                    *count += n;
                }
            }
            Err(at) => self.counts.entries.insert(at, (key, n)),
        }
    }
}

// By hand: the derive would ask for `K: Default`.
impl<K> Default for Counts<K> {
    fn default() -> Self {
        Counts::new()
    }
}

/// `{k: n, ..}`, like `BTreeMap`.
impl<K: fmt::Debug> fmt::Debug for Counts<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.counts.fmt(f)
    }
}

/// The keys and their counts, in key order.
impl<K> IntoIterator for Counts<K> {
    type Item = (K, usize);
    type IntoIter = std::vec::IntoIter<(K, usize)>;

    fn into_iter(self) -> Self::IntoIter {
        self.counts.entries.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::hash::{BuildHasher, RandomState};

    /// xorshift: pseudo-random operations without a dependency.
    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    #[test]
    fn insert_keeps_order_and_rejects_duplicates() {
        let mut set = Set::new();
        assert!(set.insert(3));
        assert!(set.insert(1));
        assert!(set.insert(2));
        assert!(!set.insert(1), "already there");
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(set.len(), 3);
        assert_eq!(set.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn collecting_extending_and_from_an_array_sort_and_dedup() {
        let collected: Set<u8> = [5, 1, 5, 3, 1].into_iter().collect();
        assert_eq!(collected.iter().copied().collect::<Vec<_>>(), [1, 3, 5]);
        let mut from_array = Set::from([3, 5, 1, 1]);
        assert_eq!(from_array, collected);
        from_array.extend([0, 5, 9]);
        assert_eq!(
            (&from_array).into_iter().collect::<Vec<_>>(),
            [&0, &1, &3, &5, &9]
        );
    }

    #[test]
    fn remove_takes_out_only_what_is_there() {
        let mut set = Set::from([1, 2, 3]);
        assert!(set.remove(&2));
        assert!(!set.remove(&2), "already gone");
        assert!(!set.remove(&7));
        assert_eq!(set, Set::from([1, 3]));
        set.clear();
        assert!(set.is_empty());
        assert_eq!(set, Set::default());
    }

    #[test]
    fn contains_takes_a_borrowed_key() {
        let set: Set<String> = ["mlops".to_owned(), "llms".to_owned()].into();
        assert!(set.contains("mlops"));
        assert!(set.contains(&"llms".to_owned()));
        assert!(!set.contains("ai"));
        let mut set = set;
        assert!(set.remove("llms"));
        assert!(!set.contains("llms"));
        let refs: Set<&str> = ["b", "a"].into();
        assert!(refs.contains("a"));
    }

    #[test]
    fn equality_and_hashing_do_not_depend_on_insertion_order() {
        let a: Set<&str> = ["x", "y", "z"].into_iter().collect();
        let b: Set<&str> = ["z", "x", "y", "x"].into_iter().collect();
        assert_eq!(a, b);
        let hasher = RandomState::new();
        assert_eq!(hasher.hash_one(&a), hasher.hash_one(&b));
        assert_ne!(a, Set::from(["x", "y"]));

        let mut c = Counts::default();
        let mut d = Counts::default();
        for k in ["x", "y", "x"] {
            c.add(k, 1);
        }
        for k in ["y", "x", "x"] {
            d.add(k, 1);
        }
        assert_eq!(c, d);
        d.add("y", 1);
        assert_ne!(c, d);
    }

    #[test]
    fn debug_reads_like_the_btree_types() {
        let set: Set<u8> = [2, 1].into();
        assert_eq!(format!("{set:?}"), format!("{:?}", BTreeSet::from([2, 1])));
        let map: Map<u8, &str> = [(2, "b"), (1, "a")].into_iter().collect();
        let btree = BTreeMap::from([(2, "b"), (1, "a")]);
        assert_eq!(format!("{map:?}"), format!("{btree:?}"));
        let mut counts = Counts::new();
        counts.add('b', 2);
        counts.add('a', 1);
        assert_eq!(format!("{counts:?}"), "{'a': 1, 'b': 2}");
    }

    #[test]
    fn counts_get_add_and_iterate_in_key_order() {
        let mut counts: Counts<String> = Counts::new();
        assert_eq!(counts.get("mlops"), 0, "absent counts 0");
        counts.add("mlops".to_owned(), 1);
        counts.add("ai".to_owned(), 2);
        counts.add("mlops".to_owned(), 3);
        assert_eq!(counts.get("mlops"), 4);
        assert_eq!(counts.get(&"ai".to_owned()), 2);
        assert_eq!(counts.get("llms"), 0);
        assert_eq!(counts.len(), 2);
        assert!(!counts.is_empty());
        assert_eq!(
            counts.iter().collect::<Vec<_>>(),
            [(&"ai".to_owned(), 2), (&"mlops".to_owned(), 4)]
        );
        assert_eq!(
            counts.into_iter().collect::<Vec<_>>(),
            [("ai".to_owned(), 2), ("mlops".to_owned(), 4)]
        );
    }

    #[test]
    fn map_insert_replaces_and_a_repeated_key_keeps_its_last_value() {
        let mut map = Map::new();
        assert_eq!(map.insert("b", 1), None);
        assert_eq!(map.insert("a", 2), None);
        assert_eq!(map.insert("b", 3), Some(1));
        assert_eq!(map.get("b"), Some(&3));
        assert_eq!(map.get("c"), None);
        assert_eq!(
            (&map).into_iter().collect::<Vec<_>>(),
            [(&"a", &2), (&"b", &3)]
        );
        let collected: Map<&str, i32> = [("b", 1), ("a", 2), ("b", 3)].into_iter().collect();
        assert_eq!(collected, map);
        map.clear();
        assert!(map.is_empty());
        assert_eq!(map, Map::default());
    }

    #[test]
    fn map_reads_and_writes_as_a_btree_map_does() {
        let json = r#"{"b": [1], "a": [2, 3], "b": [4]}"#;
        let ours: Map<String, Vec<u8>> = serde_json::from_str(json).unwrap();
        let btree: BTreeMap<String, Vec<u8>> = serde_json::from_str(json).unwrap();
        assert_eq!(
            ours.iter().collect::<Vec<_>>(),
            btree.iter().collect::<Vec<_>>()
        );
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&btree).unwrap()
        );
        assert_eq!(
            postcard::to_allocvec(&ours).unwrap(),
            postcard::to_allocvec(&btree).unwrap()
        );
        let bytes = postcard::to_allocvec(&btree).unwrap();
        let back: Map<String, Vec<u8>> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, ours);
        let wrong = serde_json::from_str::<Map<String, u8>>("[1]").unwrap_err();
        let wrong_btree = serde_json::from_str::<BTreeMap<String, u8>>("[1]").unwrap_err();
        assert_eq!(wrong.to_string(), wrong_btree.to_string());
    }

    #[test]
    fn set_and_counts_agree_with_the_btree_types_on_random_operations() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for round in 0..200 {
            // Small key ranges make repeats, removals of present keys and empty sets common.
            let range = 1 + round % 40;
            let mut ours: Set<u64> = Set::new();
            let mut std: BTreeSet<u64> = BTreeSet::new();
            let mut counts: Counts<u64> = Counts::new();
            let mut std_counts: BTreeMap<u64, usize> = BTreeMap::new();
            let mut map: Map<u64, u64> = Map::new();
            let mut std_map: BTreeMap<u64, u64> = BTreeMap::new();
            for _ in 0..100 {
                let key = next() % range;
                let value = next();
                match next() % 4 {
                    0 | 1 => assert_eq!(ours.insert(key), std.insert(key)),
                    2 => assert_eq!(ours.remove(&key), std.remove(&key)),
                    _ => assert_eq!(ours.contains(&key), std.contains(&key)),
                }
                let n = usize::try_from(value % 3).unwrap();
                counts.add(key, n);
                *std_counts.entry(key).or_default() += n;
                assert_eq!(map.insert(key, value), std_map.insert(key, value));
                assert_eq!(counts.get(&key), std_counts[&key]);
                assert_eq!(map.get(&key), std_map.get(&key));
            }
            assert_eq!(ours.len(), std.len());
            assert!(ours.iter().eq(std.iter()), "same items, same order");
            let collected: Set<u64> = std.iter().rev().copied().collect();
            assert_eq!(collected, ours);
            assert!(counts.iter().eq(std_counts.iter().map(|(k, &n)| (k, n))));
            assert!(map.iter().eq(std_map.iter()));
        }
    }
}
