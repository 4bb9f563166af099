# validate: see ../mod.rs. Every id here exists in the other language's validate.ftl.
# Validating content (src/validate): ids, references, geography, images, print, data quality.

validate-did-you-mean = did you mean "{ $name }"?
# Names in a list, before the last one: "A, B" (then the message adds "or C").
validate-list-comma = { $a }, { $b }
# A name as the user should write it.
validate-quoted = "{ $name }"
validate-did-you-mean-field = did you mean `{ $name }`?

# What an id belongs to ($what in bad-id and duplicate-id).
validate-what-case = case
validate-what-region = region
validate-what-theme = theme
validate-what-key-figure = key figure

bad-id = { $what } id "{ $id }" is not a valid id
    .label = ids are lowercase letters, digits and single dashes
    .help = use "{ $slug }"
duplicate-id = { $what } id "{ $id }" is used twice
    .label = defined again here
    .note = first defined in { $file }
    .help = give one of them another id

empty-text = `{ $field }` is empty
    .label = nothing to print here
    .help = fill in `{ $field }`

unknown-kind = unknown case kind "{ $kind }"
    .label = expected "case" or "story"
validate-unknown-theme = unknown theme "{ $id }"
    .label = no theme has this id
    .help = `drukwerk list` shows the theme ids
validate-unknown-region = unknown region "{ $id }"
    .label = no region has this id
    .help = `drukwerk list` shows the region ids

# Geography: [geography], the municipality list and the boundaries.
missing-geography = publication.toml does not say which municipal division the content uses
    .help = add the [geography] table (see docs/content-format.md), for the shipped 2025 files:
        { $example }
bad-year = year { $year } is out of range
    .label = expected a year such as 2026
    .label-division = expected the year of the division, such as 2025
missing-attribution = the boundaries have no source line for the maps
    .help = add attribution = "{ $example }" (CC BY 4.0 asks for it on every map)
    .label-empty = empty
    .label-boundaries = these boundaries' maps need a source line
bad-municipality-list = municipality list { $file } cannot be used: { $problem }
    .help = restore the file from the project's repository; it is data, not to be edited by hand
    .csv = line { $line } is not a valid CSV record
    .fields = line { $line } needs code, name, province_code and province_name
incomplete-geo = only one of the two boundary files is named
    .help = maps need both municipality-boundaries and province-boundaries in [geography]
incomplete-geo-missing = { $count ->
        [one] { $count } municipality has no boundary
       *[other] { $count } municipalities have no boundary
    }
    .note = missing: { $names }
    .help = the boundaries must be of the same year as the municipality list
bad-geo-municipalities = the municipality boundaries cannot be read
    .help = restore the boundary files from the repository; they are data, not to be edited by hand
bad-geo-provinces = the province boundaries cannot be read
bad-geo-bbox = the municipality boundaries have an empty bbox

# Files named in content; $kind is "image" or "profile".
path-outside-project = { $kind ->
        [image] image
       *[profile] ICC profile
    } path "{ $path }" leaves the project
    .label = paths are relative to the project root and may not use `..`
    .help = put the { $kind ->
        [image] image
       *[profile] ICC profile
    } under { $folder } and write for example "{ $example }"
missing-file = { $kind ->
        [image] image
       *[profile] ICC profile
    } "{ $path }" does not exist
    .label = no file at this path
path-outside-project-link = { $kind ->
        [image] image
       *[profile] ICC profile
    } "{ $path }" links to a file outside the project
    .label = a symbolic link leads out of the project
    .help = copy the { $kind ->
        [image] image
       *[profile] ICC profile
    } into { $folder } instead of linking to it

missing-alt-text = image has no alternative text
    .help = add alt = "…": one sentence saying what the image shows, for readers who cannot see it
    .label-empty = empty
    .label-missing = this image needs alt = "…"
bad-image = image "{ $path }" cannot be used: { $reason }
    .label = this file
    .help = use a PNG or JPEG file, at most { $max } pixels on each side
    .truncated = the JPEG file is truncated (no end-of-image marker)
    .not-png-or-jpeg = not a PNG or JPEG file
    .too-large = it is too large to open safely
    .damaged = the file is damaged or not an image

bad-url = "{ $url }" is not a web address
    .label = expected https://…
    .help = write the full address, for example "https://{ $url }"
bad-url-empty = empty URL
    .help = remove `url` or fill in the address
bad-date = the publication date must be a plain date
    .label = expected a date like 2026-11-28, without time
    .help = write `date = 2026-11-28` (no quotes)
no-pillars = the ABC chapter has no pillars
    .help = add [[abc.pillars]] entries with letter and title
no-key-figures = publication.toml defines no key figures
    .help = add [[key-figures]] entries with id, label and description
unknown-sector = unknown sector "{ $sector }"
    .label = expected "po", "vo" or "mbo"
learnings-title-without-learnings = learnings-title is set but there are no learnings
    .help = add [[learnings]] entries or remove learnings-title

# Regions.
duplicate-sector = sector "{ $sector }" is listed twice
    .label = listed again here
no-sectors = a region needs at least one sector
    .label = empty
    .help = write for example sectors = ["po"]
unknown-figure = unknown key figure `{ $id }`
    .label = not defined in publication.toml [[key-figures]]
    .note = key figures: { $ids }
negative-figure = `{ $id }` is negative
    .label = a count cannot be negative
missing-figure = key figure `{ $id }` is missing
    .label = add `{ $id } = …` to this table
    .help = { $id }: { $description }
municipalities-and-provinces = a region lists both municipalities and provinces
    .label = provinces listed here
    .help = describe the region by municipalities or by provinces, not both
unknown-province = unknown province "{ $name }"
    .label = not a province in CBS's { $year } list
duplicate-municipality = "{ $name }" is listed twice
    .label = listed again here
    .help = remove one of the two entries
no-municipalities = region "{ $name }" lists no municipalities
    .label = this region has no area
    .help = add `municipalities = [...]` or `provinces = [...]`; if the source has none, acknowledge it with `[[allow]] lint = "no-municipalities"`
plain-municipality-name = "{ $name }" read as "{ $official }"
    .label = CBS spells this name with a suffix
    .help = write "{ $official }" to match the official list exactly
# $first: one or more quoted names joined by commas; $last: the last one.
ambiguous-municipality = "{ $name }" is ambiguous
    .label = more than one municipality has this name
    .help = write one of { $first } or { $last }
    .candidate = "{ $name }" ({ $province })
unknown-municipality = unknown municipality "{ $name }"
    .label = not a municipality in CBS's { $year } list
    .help-spelling = check the spelling against { $file }
    .help-many = did you mean one of { $first }, { $last }?
figures-contradict-sectors = `{ $id }` is { $value }, but the region is not a { $sector } region
    .label = { $description } in a region without { $sector }
    .help = add "{ $sector_id }" to sectors, correct the figure, or acknowledge it with [[allow]] lint = "figures-contradict-sectors"
identical-figures = key figures are identical to those of "{ $name }"
    .label = the same numbers as the other region
    .note = the other region is in { $file }
    .help = check the figures with the region; if they are right, acknowledge it with [[allow]] lint = "identical-figures"
unknown-lint = unknown lint "{ $lint }"
    .label = cannot be allowed
    .note = lints that can be allowed: { $lints }
allow-without-reason = an [[allow]] needs a reason
    .label = empty reason
    .help = say why the warning is acceptable, so the next editor knows
unused-allow = lint "{ $lint }" is allowed but does not occur
    .label = nothing to allow here
    .help = remove this [[allow]] entry

# Print: [print] and the palette's inks.
print-profile-without-condition = `profile` is set without `condition`
    .label = this profile's printing condition is not named
    .help = add `condition = "…"` with the identifier the print shop gives with its profile, for example "FOGRA51"
print-condition-without-profile = `condition` is set without `profile`
    .label = the built-in profile is FOGRA39
    .help = add `profile = "content/print/….icc"` with the print shop's profile, or remove `condition`
bad-coverage-limit = a total area coverage limit of { $value } % is out of range
    .label = expected 200 to 400 (percent)
    .help = the print shop names its limit; 300 is usual for coated paper, 260–280 for uncoated
unreadable-profile = ICC profile "{ $path }" cannot be used: { $reason }
    .label = this file
    .help-size = an output profile is 0.1 to 3 MB; ask the print shop for its ICC profile
    .help = use the .icc or .icm file the print shop gives for its printing condition
    .too-large = { $size } bytes is too large for an output profile
    .too-short = { $size } bytes is too short for an ICC profile
    .no-signature = not an ICC profile (no 'acsp' signature in the header)
    .size-mismatch = the profile header says { $declared } bytes, but there are { $actual } (truncated or damaged)
# An ICC profile's class, with its signature: "display (mntr)".
icc-class-prtr = output
icc-class-mntr = display
icc-class-scnr = input
icc-class-link = device link
icc-class-spac = colour space
icc-class-abst = abstract
icc-class-nmcl = named colour
icc-class-other = unknown
not-a-cmyk-output-profile = ICC profile "{ $path }" is a { $class } ({ $signature }) { $space } profile, not a CMYK output profile
    .described = ICC profile "{ $path }" ("{ $description }") is a { $class } ({ $signature }) { $space } profile, not a CMYK output profile
    .label = the print edition needs a CMYK output (prtr) profile
    .help = the output intent describes the printing press: use the print shop's CMYK profile for the paper, such as PSO Coated v3 (FOGRA51) or the built-in FOGRA39 (remove `profile` and `condition`)
bad-colour = palette colour `{ $name }`: `cmyk` is not four ink values
    .label = expected [C, M, Y, K], each 0 to 100 (percent)
    .help = write for example `cmyk = [94, 74, 16, 34]`
ink-limit = palette colour `{ $name }` needs { $total } % ink, more than the { $max } % the printing condition allows
    .label = C { $c } + M { $m } + Y { $y } + K { $k } = { $total } %
    .help = take out { $excess } % of cyan, magenta and yellow (black alone darkens with less ink), or raise `max-coverage` in [print] if the print shop allows more
