# figures: see ../mod.rs. Every id here exists in the other language's figures.ftl.

## Where in a sheet, and values as messages show them

figures-place-sheet-cell = sheet "{ $sheet }", cell { $cell }
figures-place-cell = cell { $cell }
figures-value-empty = empty
figures-value-number = { $value }
figures-value-true = TRUE
figures-value-false = FALSE
figures-value-date = a date ({ $date })
figures-did-you-mean = did you mean "{ $name }"?
figures-again-here = again here
figures-header-row = the header row

## Reading the file (figures import)

figures-kind-xlsx = an Excel workbook (.xlsx)
figures-kind-ods = an OpenDocument spreadsheet (.ods)
figures-unreadable-file = cannot read { $file }
figures-file-too-large = { $file } is larger than { $megabytes } MB
    .help = a sheet of key figures has one row per region; export a fresh one with `drukwerk figures export`
figures-csv-syntax = cannot read the CSV
    .label = here
figures-unreadable-workbook = cannot read { $file } as { $kind }
    .help = open it in Excel or LibreOffice and save it again, or export the sheet as CSV
    .reader-failed = the reader failed on it
    .unpacked = its parts unpack to { $bytes } bytes
    .strings = it claims { $count } different texts
figures-sheet-too-large = { $file } has a value at { $cell }, outside the { $rows } rows and { $columns } columns drukwerk reads
    .help = a sheet of key figures has one row per region; remove what is far outside the table
figures-unknown-sheet = { $file } has no sheet "{ $sheet }"
    .note = { $count ->
        [one] its sheet: { $sheets }
       *[other] its sheets: { $sheets }
    }
figures-no-sheet = { $file } has no worksheet

## Matching the sheet (figures import)

figures-no-header = no header row: none of the first { $rows } rows names a key figure or the region column
    .help = head the columns "{ $id }" (or "{ $name }"), { $labels }; `drukwerk figures export` writes a sheet to start from
    .label = expected the header here or below
figures-empty-sheet = the sheet is empty
figures-unknown-column = { $cell }: column { $value } matches no key figure
    .help = rename the column to a key figure's label or id, or delete it
    .note = key figures: { $figures }
    .label = not a key figure
figures-the-region-id = the region id
figures-the-region-name = the region name
figures-the-figure = `{ $figure }`
figures-duplicate-column = { $cell }: a second column for { $what } (the first is column { $first })
    .help = keep one column per key figure
figures-no-region-column = row { $row }: no column with the region id or name
    .help = add a column "{ $id }" with the ids from `drukwerk list`, or "{ $name }" with the names
figures-no-figure-columns = row { $row }: no column matches a key figure
figures-column-without-header = { $cell }: column { $column } has values but no header
    .help = give the column the label or id of a key figure, or delete it
    .label = no header above this value
figures-unknown-region = { $cell }: unknown region "{ $value }"
    .help = `drukwerk list` shows every region id and name
    .label-id = not a region id
    .label-name = not a region name
figures-no-region = row { $row }: figures without a region id or name
    .help = fill in the region's id or name, or delete the row
    .label = whose figures are these?
figures-region-mismatch = { $cell }: the id says { $region } but the name is that of { $other }
    .help = check which region these figures belong to
    .label = another region's name
figures-duplicate-region = { $cell }: region { $region } is in the sheet twice
    .note = its first row is row { $row }
    .help = keep one row per region

## Numbers

figures-not-a-number = { $cell }: { $value } is not a number
    .label = expected a whole number
    .help = write the figure as 144052 or 144.052
figures-not-whole = { $cell }: { $value } is not a whole number
    .label = not a whole number
    .help = key figures are counts: write 144052 or 144.052, without decimals
figures-negative = { $cell }: { $value } is negative
    .label = a count cannot be negative
    .help = key figures are counts of 0 or more
figures-ambiguous = { $cell }: { $value } is ambiguous
    .label-point = a comma is a decimal separator in Dutch
    .help-point = write thousands without a comma (1000 or 1.000), or say how the sheet writes thousands: --thousands , (16,635) or --thousands . (16.635)
    .label-comma = with a comma for thousands, a point is a decimal point
    .help-comma = write thousands without a point (1000 or 1,000), or import with --thousands . if the sheet writes thousands with a point
figures-too-large = { $cell }: { $value } is too large
    .label = too large for a key figure
    .help = check the figure with the source
figures-reading-given = numbers read with { $separator } as the thousands separator (given with --thousands)
figures-reading-inferred = numbers read with { $separator } as the thousands separator (inferred from { $count ->
        [one] column
       *[other] columns
    } { $columns })

## Changes

figures-empty-cell = { $cell }: no figure for `{ $figure }` of { $region }; it stays { $old }
    .help = fill in the figure, or confirm with --yes to keep the current one
    .label = empty
figures-change = { $cell }: `{ $figure }` of { $region } changes from { $old } to { $new }
    .help = check the figure with the source; confirm with --yes
figures-change-percent = { $cell }: `{ $figure }` of { $region } changes from { $old } to { $new } ({ $percent })
figures-percent-change = { $sign }{ $percent } %
figures-becomes-zero = becomes 0
figures-was-zero = was 0
figures-more-than = more than ±{ $threshold } %
figures-missing-region = region { $region } ({ $name }) is not in the sheet; its figures stay as they are
    .help = add a row for it, or confirm with --yes to keep its figures
figures-missing-column = no column for `{ $figure }` ({ $label }): these figures stay as they are
    .help = add a column headed "{ $label }" to update them

## The command (figures export, figures import)

figures-content-has-errors = the content has errors; fix them first (drukwerk check)
figures-export-format = cannot export to { $file }: expected a .xlsx or .csv file
    .help = drukwerk figures export kerncijfers.xlsx
figures-export-failed = cannot make the spreadsheet
figures-write-failed = cannot write { $file }
figures-exported = wrote { $file }: { $regions ->
        [one] { $regions } region
       *[other] { $regions } regions
    }, { $figures ->
        [one] { $figures } key figure
       *[other] { $figures } key figures
    }
figures-import-format = cannot import { $file }: expected a .xlsx, .ods or .csv file
    .help = save the sheet as .xlsx (Excel workbook) or .csv
figures-no-file = no file { $file }
    .help = give the path of the spreadsheet, relative to the current folder
figures-import-failed = import failed: nothing written
figures-import-failed-errors = import failed: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }; nothing written
figures-no-changes = no changes: nothing in the sheet differs from the content
figures-summary = { $figures ->
        [one] { $figures } figure changes
       *[other] { $figures } figures change
    } in { $regions ->
        [one] { $regions } region
       *[other] { $regions } regions
    }; { $unchanged ->
        [one] { $unchanged } region
       *[other] { $unchanged } regions
    } unchanged
figures-dry-run = dry run: nothing written
figures-confirm = { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }: nothing written; check them, then run again with --yes to write
figures-updated = {"  "}updated { $file }
figures-cannot-update = cannot update { $file }
    .help = the file changed since it was checked; run the import again
figures-rechecked = checked { $regions ->
        [one] { $regions } region
       *[other] { $regions } regions
    }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
figures-recheck-failed = check failed: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
figures-plan-new = new
figures-plan-warning = warning: { $reason }

## geo import: reading the boundaries

geo-no-file = no file { $file }
    .help = give the path of the .geojson file, relative to the current folder
geo-unreadable-file = cannot read { $file }
geo-file-too-large = { $megabytes } MB is more than the { $max } MB a boundary file may have
geo-not-utf8 = { $file } is not GeoJSON: not UTF-8 text
geo-not-geojson = not GeoJSON: the file cannot be read as JSON
    .help = give the .geojson file of the municipalities (cartomap/nl's rd/gemeente_YYYY.geojson, or PDOK's GeoJSON download)
    .no-object = not GeoJSON: expected an object with "type": "FeatureCollection"
    .no-type = not GeoJSON: no "type": "FeatureCollection"
geo-topojson = this is TopoJSON, not GeoJSON
    .help = use the .geojson file beside it (cartomap/nl publishes both)
geo-not-a-feature-collection = not a FeatureCollection but a GeoJSON { $what }; expected one feature per { $kind ->
        [municipalities] municipality
       *[other] province
    }
geo-no-features-list = the FeatureCollection has no "features" list
geo-no-features = the file has no { $kind ->
        [municipalities] municipalities
       *[other] provinces
    }
geo-place-feature = feature { $number }
geo-unknown-coordinates = the coordinates are neither RD New metres nor WGS84 degrees in the Netherlands
    .help = give the file in RD New (EPSG:28992) or WGS84 (EPSG:4326), as PDOK and cartomap/nl serve it
geo-invalid-geometry = { $name } ({ $code }): invalid geometry: { $problem }
geo-ring-too-few-points = a ring has fewer than three points
geo-ring-crosses-itself = a ring crosses itself near { $point }
geo-ring-without-area = a ring has no area
geo-code-twice = the code { $code } occurs twice
    .help = each municipality must be one feature (a MultiPolygon for islands)
geo-name-twice = the name "{ $name }" occurs twice
geo-count-exactly = { $count }
geo-count-range = { $from } to { $to }
geo-implausible-count = { $file } has { $count } { $kind ->
        [municipalities] municipalities
       *[other] provinces
    }; expected { $expected }
    .help = give the whole country's file for one year (not a selection, not several years)
geo-not-a-feature = not a GeoJSON feature
geo-no-properties = the feature has no properties
geo-no-statcode = the feature has no `statcode`
    .help = the { $kind ->
        [municipalities] municipalities
       *[other] provinces
    } must carry CBS's `statcode` and `statnaam` (as PDOK serves them)
geo-no-statnaam = { $code } has no `statnaam`
geo-no-geometry = { $name } ({ $code }) has no geometry
geo-no-coordinates = { $name } ({ $code }): the { $geometry } has no coordinates
geo-not-a-polygon = { $name } ({ $code }): the geometry is { $geometry }, not a Polygon or MultiPolygon
geo-geometry-without-type = { $name } ({ $code }): the geometry is of no type, not a Polygon or MultiPolygon
geo-bad-coordinates = { $name } ({ $code }): the coordinates are not lists of [x, y] numbers
geo-empty-geometry = { $name } ({ $code }): empty geometry
geo-unknown-crs = the coordinate system "{ $name }" is not read; expected RD New (EPSG:28992) or WGS84
geo-crs-rd = RD New
geo-crs-wgs84-degrees = WGS84 (longitude, latitude)
geo-crs-wgs84-reprojected = WGS84, reprojected to RD New
geo-outside-netherlands = { $name } ({ $code }) has the point { $point }, outside the Netherlands in { $crs }
geo-wrong-division = { $file } holds { $kind ->
        [municipalities] provinces, not municipalities
       *[other] municipalities, not provinces
    }
    .help-municipalities = give the municipalities first (gemeente_YYYY.geojson) and the provinces with --provinces
    .help-provinces = give the provinces (provincie_YYYY.geojson) with --provinces
geo-not-a-cbs-code = "{ $code }" ({ $name }) is not a CBS code of { $kind ->
        [municipalities] municipalities
       *[other] provinces
    }
    .help = CBS codes of { $kind ->
        [municipalities] municipalities
       *[other] provinces
    } are { $prefix } and { $digits } digits

## geo import: what changes

geo-no-boundaries = the content has no boundaries to compare with
    .help = name the current year's municipality-boundaries and province-boundaries in [geography]
geo-unknown-province = the province "{ $province }" is not in the { $year } boundaries
    .help = name the region's provinces as the new province file does
geo-in-no-region = { $name } ({ $code }) will be in no region
    .help = if it belongs to a region, add it to that region's municipalities after the import
geo-cannot-update = cannot update { $file }
    .help = the file changed since it was checked; run the import again
geo-no-province = { $name } ({ $code }) lies in no province
    .help = give municipalities and provinces of the same year and coordinate system
geo-municipality-vanished = { $name } ({ $code }) is gone in { $year }, and none of its area is in the new boundaries
    .help = check that the file covers the whole country
geo-municipality-gone = { $name } ({ $code }) is gone in { $year }: { $percent } % of its area is in { $successor } ({ $successor_code })
    .rest = the rest lies in { $rest }
    .split = { $successor } is proposed for the regions that named { $name }; check whether the other parts belong to other regions
geo-share = { $name } { $percent } %
geo-share-in-brackets = { $name } ({ $percent } %)
geo-list-and = { $first } and { $last }
geo-list-comma = { $first }, { $rest }
geo-municipality-renamed = { $code } is called "{ $name }" from { $year } (was "{ $old_name }" in { $old_year })
geo-municipality-new = { $name } ({ $code }) is new in { $year }
    .from = its area was { $from } in { $old_year }
geo-gone-municipality = "{ $name }" is gone in { $year }
geo-merged-into = merged into { $name } ({ $percent } % of its area)
geo-merged-into-listed = merged into { $name } ({ $percent } % of its area), which this region lists already
geo-write-successor = write "{ $name }" (--apply does)
geo-remove-line = remove this line (--apply does)
geo-renamed-municipality = "{ $name }" is called "{ $new_name }" from { $year }
    .label = renamed
geo-vanished =
    .label = none of its area is in the new boundaries
    .help = remove it or name its successor by hand
geo-year-in-text = this text names the { $old_year } division
    .label = still { $old_year }
    .help = if it describes the maps or the municipalities, make it { $year } by hand

## geo import: the command's report

geo-summary-read = { $year }: { $municipalities } municipalities in { $provinces } provinces ({ $crs })
geo-summary-simplified = {"  "}simplified: { $before } → { $after } points ({ $tolerance } m, shared borders kept shared)
geo-summary-no-changes = no changes: the same municipalities as in { $old_year } ({ $unchanged } unchanged)
geo-summary-compared = compared with { $old_year }: { $gone } gone, { $renamed } renamed, { $new } new, { $unchanged } unchanged
geo-summary-lines = region files: { $lines ->
        [one] { $lines } line
       *[other] { $lines } lines
    } to change in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }
geo-summary-texts = publication.toml: { $texts ->
        [one] { $texts } text
       *[other] { $texts } texts
    } naming { $old_year } to review by hand
geo-wrote = {"  "}wrote { $file }
geo-unchanged = {"  "}unchanged { $file }
geo-run-with-apply = run again with --apply to change the region files and switch content/publication.toml to { $year }
geo-list-failed = cannot make the municipality list
geo-own-boundaries-unreadable = the content's own boundaries must read too; restore them from the repository
