//! Comparing a new division with the one the content uses: which municipalities are gone and
//! where their area went, which were renamed, which are new.
//!
//! Areas are compared by sampling, not by polygon overlay: a grid of points over each
//! municipality's bounding box, kept where they fall inside it ([`GRID`]² candidates, so about
//! 50–80 points, each standing for an equal piece of its area), each located in the other
//! division with a point-in-polygon test (bounding boxes first). The share of points that land
//! in a municipality is the share of the area. Borders that moved a little (the new year is
//! simplified on its own) move a few points; a merger moves all of them. The whole country
//! takes well under a second in a debug build.

use super::read::{Area, Division};
use crate::geo::{self, Ring};

/// Sample points per side of a municipality's bounding box.
pub const GRID: usize = 10;

/// A share of an area that lies in a municipality of the other division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Per cent of the area, rounded.
    pub percent: u32,
}

/// A municipality of the old division whose code is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    /// Old code.
    pub code: String,
    /// Old name.
    pub name: String,
    /// Where its area went, the largest share first (the successor); empty when none of it
    /// lies in the new division.
    pub into: Vec<Share>,
}

impl Gone {
    /// The municipality that covers most of its area now.
    pub fn successor(&self) -> Option<&Share> {
        self.into.first()
    }
}

/// A code in both divisions with another name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The code.
    pub code: String,
    /// The name the content uses.
    pub old_name: String,
    /// The new name.
    pub new_name: String,
}

/// A code only the new division has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct New {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// The old municipalities its area was part of, the largest share first.
    pub from: Vec<Share>,
}

/// What changed from one division to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Gone codes, by code.
    pub gone: Vec<Gone>,
    /// Renamed municipalities, by code.
    pub renamed: Vec<Renamed>,
    /// New codes, by code.
    pub new: Vec<New>,
    /// Codes with the same name in both.
    pub unchanged: usize,
}

impl Comparison {
    /// Nothing is gone, renamed or new.
    pub fn is_empty(&self) -> bool {
        self.gone.is_empty() && self.renamed.is_empty() && self.new.is_empty()
    }
}

/// Compares the division the content uses (`old`) with the new one.
pub fn compare(old: &Division, new: &Division) -> Comparison {
    let old_index = Locator::new(old);
    let new_index = Locator::new(new);
    let mut out = Comparison::default();
    for area in &old.areas {
        match new.get(&area.code) {
            Some(n) if n.name == area.name => out.unchanged += 1,
            Some(n) => out.renamed.push(Renamed {
                code: area.code.clone(),
                old_name: area.name.clone(),
                new_name: n.name.clone(),
            }),
            None => out.gone.push(Gone {
                code: area.code.clone(),
                name: area.name.clone(),
                into: new_index.shares(area),
            }),
        }
    }
    for area in &new.areas {
        if old.get(&area.code).is_none() {
            out.new.push(New {
                code: area.code.clone(),
                name: area.name.clone(),
                from: old_index.shares(area),
            });
        }
    }
    out
}

/// Finds which area of a division holds a point.
pub struct Locator<'a> {
    division: &'a Division,
    /// Each area's bounding box, `[x0, y0, x1, y1]`.
    bboxes: Vec<[i32; 4]>,
}

impl<'a> Locator<'a> {
    /// Indexes a division.
    pub fn new(division: &'a Division) -> Self {
        let bboxes = division
            .areas
            .iter()
            .map(|a| {
                let mut b = [i32::MAX, i32::MAX, i32::MIN, i32::MIN];
                for p in a.polygons.iter().flatten().flat_map(|r| r.chunks_exact(2)) {
                    b = [
                        b[0].min(p[0]),
                        b[1].min(p[1]),
                        b[2].max(p[0]),
                        b[3].max(p[1]),
                    ];
                }
                b
            })
            .collect();
        Self { division, bboxes }
    }

    /// The index of the area that holds the point, if any.
    pub fn locate(&self, x: f64, y: f64) -> Option<usize> {
        (0..self.bboxes.len()).find(|&i| {
            let b = self.bboxes[i];
            x >= f64::from(b[0])
                && x <= f64::from(b[2])
                && y >= f64::from(b[1])
                && y <= f64::from(b[3])
                && inside(&self.division.areas[i], x, y)
        })
    }

    /// The areas of this division that `area` (of another) lies in, with the share of its
    /// sample points in each, the largest first (ties by code). Points in none (water) are
    /// left out of the shares.
    pub fn shares(&self, area: &Area) -> Vec<Share> {
        let mut counts = vec![0usize; self.division.areas.len()];
        let mut located = 0;
        for (x, y) in samples(area) {
            if let Some(i) = self.locate(x, y) {
                counts[i] += 1;
                located += 1;
            }
        }
        let mut shares: Vec<(usize, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .collect();
        shares.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        shares
            .into_iter()
            .map(|(i, n)| Share {
                code: self.division.areas[i].code.clone(),
                name: self.division.areas[i].name.clone(),
                percent: ((n * 100) as f64 / located as f64).round() as u32,
            })
            .collect()
    }
}

/// Is the point inside the area (inside an outer ring and none of its holes)?
pub fn inside(area: &Area, x: f64, y: f64) -> bool {
    area.polygons.iter().any(|rings| {
        let mut rings = rings.iter();
        rings.next().is_some_and(|outer| geo::contains(outer, x, y))
            && rings.all(|hole| !geo::contains(hole, x, y))
    })
}

/// Points spread evenly over an area: the centres of a [`GRID`] × [`GRID`] grid over its
/// bounding box that fall inside it; for a shape too thin to catch any, its label point.
pub fn samples(area: &Area) -> Vec<(f64, f64)> {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in area
        .polygons
        .iter()
        .flatten()
        .flat_map(|r| r.chunks_exact(2))
    {
        let (x, y) = (f64::from(p[0]), f64::from(p[1]));
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    let (w, h) = ((b[2] - b[0]) / GRID as f64, (b[3] - b[1]) / GRID as f64);
    let mut out = Vec::new();
    for i in 0..GRID {
        for j in 0..GRID {
            let (x, y) = (b[0] + (i as f64 + 0.5) * w, b[1] + (j as f64 + 0.5) * h);
            if inside(area, x, y) {
                out.push((x, y));
            }
        }
    }
    if out.is_empty() {
        let outers: Vec<&Ring> = area.polygons.iter().filter_map(|p| p.first()).collect();
        let (x, y) = geo::label_point(&outers);
        out.push((f64::from(x), f64::from(y)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoimport::read::Crs;

    fn square(code: &str, name: &str, x: i32, y: i32, size: i32) -> Area {
        Area {
            code: code.into(),
            name: name.into(),
            polygons: vec![vec![vec![
                x,
                y,
                x + size,
                y,
                x + size,
                y + size,
                x,
                y + size,
            ]]],
        }
    }

    fn division(mut areas: Vec<Area>) -> Division {
        areas.sort_by(|a, b| a.code.cmp(&b.code));
        Division {
            areas,
            crs: Crs::RdNew,
        }
    }

    #[test]
    fn finds_mergers_renames_and_new_codes() {
        let old = division(vec![
            square("GM0001", "West", 0, 0, 1000),
            square("GM0002", "Oost", 1000, 0, 1000),
            square("GM0003", "Noord", 0, 1000, 1000),
            square("GM0004", "Zuid", 0, -2000, 2000),
        ]);
        let mut merged = square("GM0100", "Midden", 0, 0, 2000);
        merged.polygons[0][0] = vec![0, 0, 2000, 0, 2000, 1000, 0, 1000];
        let new = division(vec![
            merged,
            square("GM0003", "Noorderkwartier", 0, 1000, 1000),
            square("GM0004", "Zuid", 0, -2000, 2000),
        ]);
        let c = compare(&old, &new);
        assert_eq!(c.unchanged, 1);
        assert_eq!(
            c.renamed,
            [Renamed {
                code: "GM0003".into(),
                old_name: "Noord".into(),
                new_name: "Noorderkwartier".into()
            }]
        );
        assert_eq!(c.gone.len(), 2);
        for gone in &c.gone {
            let s = gone.successor().unwrap();
            assert_eq!((s.code.as_str(), s.percent), ("GM0100", 100), "{gone:?}");
        }
        assert_eq!(c.new.len(), 1);
        let from: Vec<(&str, u32)> = c.new[0]
            .from
            .iter()
            .map(|s| (s.code.as_str(), s.percent))
            .collect();
        assert_eq!(from, [("GM0001", 50), ("GM0002", 50)]);
    }

    #[test]
    fn a_thin_shape_has_samples() {
        let thin = Area {
            code: "GM0001".into(),
            name: "Streep".into(),
            polygons: vec![vec![vec![0, 0, 10_000, 0, 0, 3]]],
        };
        assert!(!samples(&thin).is_empty());
    }
}
