# render: see ../mod.rs. Every id here exists in the other language's render.ftl.

## ICC profiles (the printing condition's, and a PDF's output profile)

icc-too-short = { $bytes } bytes is too short for an ICC profile
icc-too-large = { $bytes } bytes is too large for an output profile (at most 16 MB)
icc-no-signature = not an ICC profile (no 'acsp' signature in the header)
icc-size-mismatch = the profile header says { $declared } bytes, but there are { $actual } (truncated or damaged)
# A profile's device class with its article; `class` is its signature or `other`.
icc-class = { $class ->
    [prtr] an output profile
    [mntr] a display profile
    [scnr] an input profile
    [link] a device link profile
    [spac] a colour space profile
    [abst] an abstract profile
    [nmcl] a named colour profile
   *[other] a profile of unknown class
} ({ $signature })

## Layouts (Typst)

bad-layout-path = invalid layout path { $layout }
internal-data-path = invalid path for the layout's data
internal-draw = the engine could not draw a map the layout asked for (a fault in drukwerk or in the layout, not in the content)
missing-layout = cannot load layout { $layout }
    .help = layouts live in layouts/; restore the file from the repository
# Under a message of Typst's own (in English), which is about a layout file.
layout-typst = this is Typst's message about the layout { $file }: fix it there, or ask whoever maintains the layouts
layout-typst-somewhere = this is Typst's message about a layout under layouts/: fix it there, or ask whoever maintains the layouts
# A step of the trace: Typst's words, then the place (`layouts/factsheet.typ:12:5`).
layout-trace = { $what } at { $place }
missing-glyph = { $document }: the fonts have no glyph for { $characters }
    .help = replace these characters in the content, or add a font that has them to fonts/

## Images

render-bad-image = image "{ $path }" cannot be processed: { $reason }
    .help = use a PNG or JPEG file
bad-image-resize = image "{ $path }" cannot be made smaller for the web edition: { $reason }
image-unreadable = the file cannot be read
image-unsupported = its format is not supported
image-too-large = it is too large to decode safely
image-damaged = the file is damaged or is not an image
image-encode = it cannot be saved again
low-resolution-image = image "{ $path }" prints at { $ppi } ppi
    .help = for print, supply at least { $width } × { $height } pixels ({ $target } ppi at its placed size)

## PDF export

# `edition` is web or print.
pdf-standard = the PDF standards of the { $edition ->
    [print] print edition
   *[web] web edition
} cannot be combined
pdf-export = the PDF of the { $edition ->
    [print] print edition
   *[web] web edition
} cannot be made
    .help = the note below is Typst's own message; in the web edition it is usually something PDF/UA-1 or PDF/A-2a requires, such as a text alternative for an image
pdf-finish = the print edition cannot be finished as PDF/X-4
    .help = this is a fault in drukwerk, not in the content or the layouts: please report it with the note below

## The website

site-template = mistake in a site template
    .label = here
    .help = the fields each page receives are listed in layouts/site/README.md
site-template-line = at line { $line }
site-templates-missing = cannot read the site's templates in { $folder }/
    .help = the site needs its templates in layouts/site/ (index.html, …)
site-template-unreadable = cannot read this template

## Fonts

# `reason` is the system's own message.
fonts-unreadable = cannot read { $path }: { $reason }
fonts-not-a-font = { $path } is not a usable font file
fonts-none = no fonts in { $path }
fonts-failed = reading the fonts failed

## Writing the output

# `action` is one of write, create, create-in, permissions, move-aside, rename; `reason` is the
# system's own message.
write-failed = cannot { $action ->
    [create] create
    [create-in] create a folder in
    [permissions] set permissions of
    [move-aside] move aside
    [rename] rename the new folder to
   *[write] write
} { $path }: { $reason }
flush-failed = cannot flush the output to disk: { $reason }
write-outside = refusing to write outside the folder: { $name }
