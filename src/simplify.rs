//! Topology-preserving line simplification for map rings.
//!
//! The boundary files share vertices along common borders: a border between two municipalities
//! is the same run of points in both rings, walked in opposite directions. Simplifying each ring
//! on its own would keep different points on each side of a border and open slivers between
//! neighbours. Here every ring is cut into *arcs* at the points where borders meet (a vertex
//! with other than two distinct neighbours across all rings), each arc is simplified with
//! Douglas–Peucker in one canonical direction, and the rings are put back together: a shared
//! border comes out the same in both rings.
//!
//! Used for the small maps (a fact sheet's map is about 50 mm wide for 1000 map units, so one
//! unit is 0.05 mm): fewer points make those maps cheaper to lay out and to write, and smaller.

use std::collections::{HashMap, HashSet};

use crate::geo::Ring;

type Point = (i32, i32);

/// Simplifies `rings` (flat `[x, y, …]`, closed implicitly) with tolerance `tolerance` map
/// units, keeping shared borders shared. A ring that would collapse keeps its points.
pub fn rings<'a>(rings: impl IntoIterator<Item = &'a Ring>, tolerance: f64) -> Vec<Ring> {
    let rings: Vec<(&Ring, Vec<Point>)> = rings.into_iter().map(|r| (r, points(r))).collect();
    let nodes = nodes(rings.iter().map(|(_, pts)| pts));
    rings
        .iter()
        .map(|(ring, pts)| simplify_ring(ring, pts, &nodes, tolerance))
        .collect()
}

/// The points of a ring, without a closing point that repeats the first.
fn points(ring: &Ring) -> Vec<Point> {
    let mut pts: Vec<Point> = ring.chunks_exact(2).map(|c| (c[0], c[1])).collect();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    pts
}

/// Vertices where borders meet: other than two distinct neighbours over all rings.
fn nodes<'a>(rings: impl IntoIterator<Item = &'a Vec<Point>>) -> HashSet<Point> {
    let mut neighbours: HashMap<Point, Vec<Point>> = HashMap::new();
    for pts in rings {
        let n = pts.len();
        for i in 0..n {
            let entry = neighbours.entry(pts[i]).or_default();
            for p in [pts[(i + n - 1) % n], pts[(i + 1) % n]] {
                if !entry.contains(&p) {
                    entry.push(p);
                }
            }
        }
    }
    neighbours
        .into_iter()
        .filter(|(_, ns)| ns.len() != 2)
        .map(|(p, _)| p)
        .collect()
}

/// `pts` are the ring's [`points`].
fn simplify_ring(ring: &Ring, pts: &[Point], nodes: &HashSet<Point>, tolerance: f64) -> Ring {
    let n = pts.len();
    if n < 4 {
        return ring.clone();
    }
    // Cut points: the ring's nodes, or (a ring that meets no other border, such as an island)
    // its smallest point, which every ring along the same closed border also picks.
    let mut cuts: Vec<usize> = (0..n).filter(|&i| nodes.contains(&pts[i])).collect();
    if cuts.is_empty() {
        let first = (0..n).min_by_key(|&i| pts[i]).unwrap_or(0);
        cuts.push(first);
    }
    let mut out: Vec<Point> = Vec::with_capacity(n);
    for (k, &start) in cuts.iter().enumerate() {
        let end = cuts[(k + 1) % cuts.len()];
        let len = (end + n - start) % n;
        let len = if len == 0 { n } else { len };
        let arc: Vec<Point> = (0..=len).map(|j| pts[(start + j) % n]).collect();
        let kept = simplify_arc(&arc, tolerance);
        // Each arc ends where the next begins.
        out.extend(&kept[..kept.len() - 1]);
    }
    if out.len() < 3 {
        return ring.clone();
    }
    out.iter().flat_map(|&(x, y)| [x, y]).collect()
}

/// Douglas–Peucker on an arc, computed in a canonical direction so that the two rings that
/// share the arc (walking it in opposite directions) keep the same points.
fn simplify_arc(arc: &[Point], tolerance: f64) -> Vec<Point> {
    let reversed = {
        let (first, last) = (arc[0], arc[arc.len() - 1]);
        if first != last {
            first > last
        } else {
            arc.len() > 2 && arc[1] > arc[arc.len() - 2]
        }
    };
    let canonical: Vec<Point> = if reversed {
        arc.iter().rev().copied().collect()
    } else {
        arc.to_vec()
    };
    let mut keep = vec![false; canonical.len()];
    keep[0] = true;
    keep[canonical.len() - 1] = true;
    douglas_peucker(&canonical, 0, canonical.len() - 1, tolerance, &mut keep);
    let mut kept: Vec<Point> = canonical
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect();
    if reversed {
        kept.reverse();
    }
    kept
}

fn douglas_peucker(pts: &[Point], first: usize, last: usize, tolerance: f64, keep: &mut [bool]) {
    if last <= first + 1 {
        return;
    }
    let (mut farthest, mut distance) = (first, -1.0);
    for i in first + 1..last {
        let d = distance_to_segment(pts[i], pts[first], pts[last]);
        if d > distance {
            farthest = i;
            distance = d;
        }
    }
    if distance > tolerance {
        keep[farthest] = true;
        douglas_peucker(pts, first, farthest, tolerance, keep);
        douglas_peucker(pts, farthest, last, tolerance, keep);
    }
}

/// Distance from `p` to the segment `a`–`b` (to `a` when the segment is a point).
fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (px, py) = (f64::from(p.0), f64::from(p.1));
    let (ax, ay) = (f64::from(a.0), f64::from(a.1));
    let (bx, by) = (f64::from(b.0), f64::from(b.1));
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (ax + t * dx, ay + t * dy);
    ((px - cx).powi(2) + (py - cy).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(pts: &[(i32, i32)]) -> Ring {
        pts.iter().flat_map(|&(x, y)| [x, y]).collect()
    }

    /// Two squares side by side whose shared border wiggles slightly: after simplification the
    /// border is straight and the same points in both rings.
    #[test]
    fn shared_border_stays_shared() {
        let border = [(10, 0), (10, 3), (11, 5), (10, 7), (10, 10)];
        let mut left = vec![(0, 0)];
        left.extend(border);
        left.push((0, 10));
        let mut right: Vec<(i32, i32)> = border.iter().rev().copied().collect();
        right.extend([(20, 10), (20, 0)]);
        let out = rings([&ring(&left), &ring(&right)], 1.5);
        let l = points(&out[0]);
        let r = points(&out[1]);
        assert!(!l.contains(&(11, 5)), "the wiggle goes: {l:?}");
        let shared: Vec<_> = l.iter().filter(|p| r.contains(p)).collect();
        assert_eq!(shared, [&(10, 0), &(10, 10)], "{l:?} / {r:?}");
        // The corners where the border meets the outline are kept.
        for corner in [(0, 0), (0, 10), (20, 0), (20, 10)] {
            assert!(l.contains(&corner) || r.contains(&corner), "{corner:?}");
        }
    }

    #[test]
    fn details_larger_than_the_tolerance_stay() {
        let island = ring(&[(0, 0), (10, 0), (10, 10), (5, 14), (0, 10)]);
        let out = rings([&island], 1.5);
        assert_eq!(points(&out[0]).len(), 5);
        let out = rings([&island], 5.0);
        assert!(points(&out[0]).len() < 5);
    }

    #[test]
    fn a_tiny_ring_keeps_its_points() {
        let tiny = ring(&[(0, 0), (1, 0), (1, 1), (0, 1)]);
        let out = rings([&tiny], 10.0);
        assert_eq!(out[0], tiny);
    }

    #[test]
    fn closing_point_is_not_doubled() {
        let closed = ring(&[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]);
        let out = rings([&closed], 0.5);
        assert_eq!(points(&out[0]).len(), 4);
    }
}
