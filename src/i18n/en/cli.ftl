# cli: see ../mod.rs. Every id here exists in the other language's cli.ftl.
#
# The command-line help: `cli-<command path>-about` for each command, `cli-<path>-opt-<arg>` for an
# option of one command, else `cli-opt-<arg>` (shared by every command that has it),
# `cli-value-<arg>-<value>` for a possible value, `cli-placeholder-<name>` for a value's
# placeholder (`--out <DIR>`). src/cmd/usage.rs derives these ids from the clap tree; a test
# walks the tree and finds each one in both catalogues.

## Headings and clap's own words

cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-possible-values = Possible values:
cli-usage-options = [OPTIONS]
cli-spec-default = [default: { $value }]
cli-spec-possible-values = [possible values: { $values }]

## Commands

cli-about = Structured content in, print-ready PDF publications out, with Typst.
cli-build-about = Build the publication and all fact sheets
cli-factsheet-about = Build the fact sheets of some regions, on demand
cli-check-about = Check content and layouts without writing anything
cli-list-about = List the regions with their ids
cli-serve-about = Live preview while editing, and PDFs on demand over HTTP
cli-preflight-about = Check PDF files against PDF/X-4, as a print shop's preflight would
cli-figures-about = Key figures out to a spreadsheet and back in (the yearly update)
cli-figures-export-about = Write every region's key figures to FILE (.xlsx or .csv)
cli-figures-import-about = Read key figures from FILE (.xlsx, .ods or .csv) into content/regions/, after showing what changes
cli-geo-about = The municipal division: a new year's CBS boundaries brought in (the yearly update)
cli-geo-import-about = Read a year's municipality boundaries (GeoJSON from PDOK or cartomap/nl), write that year's files under content/geo/ and report what changed for the region files
cli-help-about = Print this message or the help of the given command

## Options of every command

cli-opt-root = Project folder (with content/, layouts/ and fonts/)
cli-opt-format = How to print diagnostics
cli-opt-color = When to use colour in diagnostics
cli-opt-lang = The language of every message (else DRUKWERK_LANG, else the locale, else English)
cli-opt-help = Print help
cli-opt-version = Print version
cli-help-opt-command = The command whose help to print

## Options of the commands that write PDFs (build, factsheet)

cli-opt-out = Output folder
cli-opt-profile = Edition: web (tagged, accessible) or print (bleed, CMYK)
cli-opt-jobs = Number of documents compiled at once (default: number of cores)
cli-opt-emit-data = Also write each document's view JSON to DIR (under the project root), for compiling a layout with the plain Typst CLI
cli-opt-crop-marks = Print edition only: add crop marks outside the bleed (the MediaBox grows to hold them)
cli-opt-timings = Print the time spent in each stage
cli-opt-deny-warnings = Treat warnings as errors
cli-opt-cache-dir = Folder of the document cache (default: DRUKWERK_CACHE_DIR, else OUT/.cache/documents); keep it between CI runs to rebuild only what changed
cli-opt-no-cache = Compile every document, neither reading nor writing the document cache
cli-build-opt-shard = Build only shard I of N of the fact sheets (e.g. 2/4), and no publication unless I is 1
cli-build-opt-publication-only = Build only the publication, no fact sheets
cli-build-opt-no-site = Do not write the website (out/site/). It is written only by a full build of the web edition (no --shard, no --publication-only), which makes every PDF it links to
cli-factsheet-opt-regions = Region ids (see `drukwerk list`)
cli-factsheet-opt-all = All regions

## check, list

cli-check-opt-deny-warnings = Exit with an error when there are warnings
cli-check-opt-content-only = Only check the content; do not compile the layouts
cli-list-opt-search = Only the regions whose id, name or subtitle contains this (case and accents ignored)

## serve

cli-serve-opt-host = Address to listen on. The default serves this computer only; use 0.0.0.0 to let other machines in
cli-serve-opt-port = Port to listen on (0 picks a free one and prints it)
cli-serve-opt-open = Open the index page in the browser
cli-serve-opt-jobs = Documents compiled at once (default: number of cores)
cli-serve-opt-queue = Requests that may wait for a compile; beyond that the server answers 429
cli-serve-opt-timeout = Seconds a request may take, waiting included, before the server answers 503; also how long requests in flight may finish after Ctrl-C
cli-serve-opt-cache-mb = Megabytes of finished PDFs kept in memory
cli-serve-opt-read-only = No editor: /edit and /api/content answer 404, nothing is written, no token is made. Recommended for serving the public
cli-serve-opt-token-file = Read the editor's token from FILE (trimmed; at least 16 characters of A-Z a-z 0-9 - . _ ~) instead of making a random one at each start
cli-serve-opt-allowed-host = Also answer to NAME in the Host header (the name users type, e.g. behind a proxy); repeatable. This machine's own addresses and localhost are always accepted
cli-serve-opt-auth = How users prove who they are: the printed token, or also the user name set by the organisation's single-sign-on proxy (needs --trusted-proxy)
cli-serve-opt-trusted-proxy = With --auth proxy: the proxy's IP address; its user header is believed only from there
cli-serve-opt-user-header = With --auth proxy: the header with the user name [default: X-Forwarded-User]
cli-serve-opt-no-git = Do not commit the editor's saves to git (they are written to the files only)
cli-serve-opt-cache-dir = Folder of the document cache shared with `build` (default: DRUKWERK_CACHE_DIR, else out/.cache/documents), so a restarted server does not compile its PDFs again
cli-serve-opt-no-cache = Keep PDFs in memory only: neither read nor write the document cache

## preflight, figures, geo

cli-preflight-opt-files = The PDF files to check (any PDF, not only drukwerk's)
cli-preflight-opt-max-coverage = Total area coverage limit for vector fills, in percent (the printing condition's)
cli-figures-export-opt-file = The spreadsheet to write: .xlsx (a workbook) or .csv (semicolons, for Dutch Excel)
cli-figures-import-opt-file = The spreadsheet to read: .xlsx, .ods or .csv
cli-figures-import-opt-yes = Write even when there are warnings (large changes, figures that become 0, empty cells, regions missing from the sheet)
cli-figures-import-opt-dry-run = Show what would change and every warning; write nothing
cli-figures-import-opt-flag-change = A change larger than PCT per cent, either way, is a warning
cli-figures-import-opt-sheet = The worksheet to read (default: "Kerncijfers", or else the first)
cli-figures-import-opt-thousands = How the spreadsheet writes thousands: . (16.635, Dutch) or , (16,635, English); without this option drukwerk infers it from the columns
cli-geo-import-opt-municipalities = The municipality boundaries: GeoJSON in RD New or WGS84 with `statcode` and `statnaam` (cartomap/nl's rd/gemeente_YYYY.geojson)
cli-geo-import-opt-provinces = The province boundaries of the same year (cartomap/nl's rd/provincie_YYYY.geojson); without them the content's current province boundaries stay in use
cli-geo-import-opt-year = The year of the division (CBS's municipalities as of 1 January)
cli-geo-import-opt-dry-run = Show what would change; write nothing
cli-geo-import-opt-apply = Also change the region files as proposed, switch publication.toml to the new year and check the result; all files are written together, or none

## Possible values

cli-value-format-human = Compiler-style, with source excerpts
cli-value-format-json = One JSON object per line
cli-value-color-auto = When stderr is a terminal and NO_COLOR is unset
cli-value-color-always = Always
cli-value-color-never = Never
cli-value-lang-nl = Nederlands
cli-value-lang-en = English
cli-value-profile-web = Screen and website: tagged, accessible, RGB, no bleed
cli-value-profile-print = Print shop: 3 mm bleed, CMYK palette
cli-value-auth-token = The token printed at the start (or read with --token-file)
cli-value-auth-proxy = The user header of a single-sign-on proxy at --trusted-proxy, or the token

## Placeholders

cli-placeholder-command = COMMAND
cli-placeholder-dir = DIR
cli-placeholder-format = FORMAT
cli-placeholder-color = COLOR
cli-placeholder-sep = SEP
cli-placeholder-lang = LANG
cli-placeholder-profile = PROFILE
cli-placeholder-n = N
cli-placeholder-i-n = I/N
cli-placeholder-region = REGION
cli-placeholder-search = SEARCH
cli-placeholder-host = HOST
cli-placeholder-port = PORT
cli-placeholder-secs = SECS
cli-placeholder-mb = MB
cli-placeholder-file = FILE
cli-placeholder-name = NAME
cli-placeholder-auth = AUTH
cli-placeholder-addr = ADDR
cli-placeholder-file-pdf = FILE.pdf
cli-placeholder-percent = PERCENT
cli-placeholder-pct = PCT
cli-placeholder-year = YEAR
cli-placeholder-gemeenten-geojson = GEMEENTEN.geojson
cli-placeholder-provincies-geojson = PROVINCIES.geojson

## Mistakes on the command line (clap's errors, in our words)

cli-error-unknown-option = unknown option '{ $arg }'
cli-error-unexpected-argument = unexpected argument '{ $arg }'
cli-error-unknown-command = unknown command '{ $command }'
cli-error-invalid-value = invalid value '{ $value }' for { $arg }
cli-error-missing-value = { $arg } needs a value
cli-error-missing-required = { $count ->
    [one] required but not given: { $args }
   *[other] required but not given: { $args }
}
cli-error-missing-command = no command given
cli-error-conflict = { $arg } cannot be used together with { $other }
cli-error-used-twice = { $arg } can be given only once
cli-error-too-many-values = too many values for { $arg }
cli-error-not-utf8 = the command line holds text that is not valid UTF-8
cli-error-other = the command line is not valid
cli-tip-similar = did you mean '{ $suggestion }'?
cli-tip-possible-values = possible values: { $values }
cli-tip-separator = to pass '{ $arg }' as a value, write '-- { $arg }'
cli-more-information = For more information, try '{ $command } --help'.

# The value parsers' own complaints (--shard, --flag-change, --year, --max-coverage).
cli-invalid-shard-form = expected I/N, for example 2/4
cli-invalid-not-a-number = '{ $value }' is not a number
cli-invalid-shard-range = shard { $shard }: I must be between 1 and N
cli-invalid-percentage = expected a percentage of 0 or more
cli-invalid-whole-number = expected a whole number, without quotes
cli-invalid-range = expected a whole number from { $min } to { $max }

## What the commands print

cli-compiled = compiled { $path } ({ $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}, { $size })
cli-wrote = wrote { $path } ({ $size })
cli-wrote-site = wrote { $path }/ ({ $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}, { $files ->
    [one] { $files } file
   *[other] { $files } files
}, { $size })
# The end of a build: "built 50 documents (136 pages, 3 unchanged and reused) in 4.21 s, 0 warnings".
cli-built = built { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
} ({ $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}{ $reused ->
    [0] {""}
   *[other] , { $reused } unchanged and reused
}) in { $seconds } s, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
cli-size-kb = { $size } KB
cli-size-mb = { $size } MB
cli-counts = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
cli-checked = checked { $regions ->
    [one] { $regions } region
   *[other] { $regions } regions
}, { $themes ->
    [one] { $themes } theme
   *[other] { $themes } themes
} and { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}: { $counts }
cli-check-failed = check failed: { $counts }
cli-nothing-written = error: nothing was written; fix the errors above and run again
cli-warnings-denied = error: warnings are denied (--deny-warnings); nothing was written
cli-layouts-failed = error: the layouts failed; nothing was written
cli-site-failed = error: the site templates failed; nothing was written
cli-import-failed = import failed: nothing written
cli-list-no-match = no region matches "{ $search }"; `drukwerk list` shows them all

cli-timings-heading = timings (compile, export and evict are summed over parallel documents):
cli-timings-row = { $stage } { $ms } ms
cli-timings-stage-load = load
cli-timings-stage-validate = validate
cli-timings-stage-view = view
cli-timings-stage-compile = compile
cli-timings-stage-export = export
cli-timings-stage-evict = evict
cli-timings-stage-render = render
cli-timings-stage-site = site
cli-timings-stage-write = write
cli-timings-stage-total = total
cli-timings-share = engine stages (load, validate, view, site, write): { $percent } % of the total

## Errors of the commands

cli-cannot-print-diagnostics = error: cannot print diagnostics: { $reason }
cli-unknown-region = unknown region "{ $id }"
cli-unknown-region-did-you-mean = did you mean "{ $id }"?
cli-unknown-region-list = `drukwerk list` shows every region id
cli-crop-marks-need-print = --crop-marks needs --profile print
cli-crop-marks-need-print-help = crop marks are for the print shop: drukwerk build --profile print --crop-marks
cli-no-worker-threads = cannot start worker threads
cli-emit-data-outside = { $dir } is not inside the project
cli-emit-data-failed = cannot write the view data to { $dir }
cli-emit-data-help = --emit-data takes a folder inside the project root (relative to it, or absolute)
cli-fonts-help = the project needs fonts/ with at least one font file
cli-write-failed = cannot write the output
cli-internal = something went wrong inside drukwerk
cli-reason = { $reason }

cli-serve-timeout-positive = --timeout must be a positive number of seconds
cli-serve-user-header-needs-proxy = --user-header needs --auth proxy
cli-serve-trusted-proxy-needs-proxy = --trusted-proxy needs --auth proxy
cli-serve-proxy-needs-trusted = --auth proxy needs --trusted-proxy ADDR
cli-serve-bad-user-header = --user-header "{ $name }" is not a header name
cli-serve-bad-allowed-host = --allowed-host "{ $name }" is not a host name
cli-serve-cannot-read-token-file = cannot read --token-file { $file }
cli-serve-bad-token-file = --token-file { $file }: { $reason }
cli-serve-cannot-start = cannot start the server
cli-serve-failed-help = is another server using the port? try --port 0 for a free one

## serve's lines on the terminal

cli-serve-serving = Serving { $url }
# The editor's link. Scripts and the browser tests find the link by this word, so it is the
# same in both languages (the editor itself is Dutch).
cli-serve-edit = Bewerken: { $url }
cli-serve-checked = checked the content in { $ms } ms: { $counts }
cli-serve-rebuilt = rebuilt in { $ms } ms ({ $what }): { $counts }
cli-serve-rescan = rescan
cli-serve-files = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
cli-serve-no-events = warning: no file events ({ $reason }); looking for changes every { $ms } ms
cli-serve-no-browser = warning: cannot open a browser: { $reason }
cli-serve-stopped-timeout = stopped with requests still running (timeout)
cli-serve-stopped = stopped

## The library's errors as a sentence (crate::Error)

cli-error-diagnostics = { $count ->
    [one] { $count } error in the content or layouts
   *[other] { $count } errors in the content or layouts
}
cli-error-fonts = fonts: { $reason }
cli-value-thousands-point = A point for thousands and a decimal comma: 16.635 and 14,5
cli-value-thousands-comma = A comma for thousands and a decimal point: 16,635 and 14.5
