# preflight: see ../mod.rs. Every id here exists in the other language's preflight.ftl.
# The PDF/X-4 preflight (`drukwerk preflight`): the report, its summary and every finding.
# Codes (`device-rgb`) and PDF names (TrimBox, /AA, pdf:Trapped) stay as they are.

## The report

# Where a finding is: the whole document, a page, an object (`12 0`), or both.
preflight-location-document = document
preflight-location-page = page { $page }
preflight-location-object = object { $object }
preflight-location-page-object = page { $page }, object { $object }
# The same finding on further pages, printed once: `the same on 3 more pages: 2–4`.
preflight-same-on = the same on { $count ->
    [one] { $count } more page
   *[other] { $count } more pages
}: { $pages }
# The last line per file. .ci/run looks for "passes the PDF/X-4 preflight (0 errors, 0 warnings)".
preflight-summary-passed = { $file }: PDF { $version }, { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}: passes the PDF/X-4 preflight ({ $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
})
preflight-summary-failed = { $file }: PDF { $version }, { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}: fails the PDF/X-4 preflight ({ $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
})
preflight-not-checked-file = { $file }: cannot be checked
preflight-cannot-print = cannot print the report: { $reason }
# Two items of a list, the second of which may be a list itself: `left (1.2 mm), top (0.0 mm)`.
preflight-list = { $first }, { $rest }

## Files that cannot be checked at all

preflight-unreadable-help = check that it is a complete PDF file (a download may have been cut off); export it again
preflight-unreadable-not-pdf = not a PDF file (no %PDF- header)
preflight-unreadable-too-large = the file is larger than 1 GB
preflight-unreadable-damaged = the PDF cannot be read
preflight-unreadable-password = the PDF is encrypted and needs a password to open
preflight-unreadable-no-pages = the PDF has no pages
preflight-unreadable-truncated = the file is cut off (no %%EOF marker at its end)
preflight-unreadable-missing = there is no such file
preflight-unreadable-permission = the file may not be read (no permission)
preflight-unreadable-io = the file cannot be read

## The whole file

preflight-damaged-reconstructed = the cross-reference table is damaged; the file could only be read by scanning it for objects
    .help = export the file again: a RIP may read it differently, or not at all
preflight-damaged-repaired = the cross-reference table points to the wrong places (repaired while reading)
    .help = export the file again, or save it once from a PDF program, to repair it
preflight-not-checked = only the first { $limit } pages were checked
    .help = split the file and check the parts
preflight-export-again = export the file again
preflight-damaged-export-again = the file is damaged: export it again
preflight-pdf-version = PDF { $version }: PDF/X-4 is based on PDF 1.6 and allows no later version
    .help = export as PDF/X-4 (which writes PDF 1.6)
preflight-encrypted = the PDF is encrypted (password protection or restrictions)
    .help = export again without security settings: a print shop's RIP must read every object
preflight-no-catalog = the PDF has no readable document catalog

## Output intent and output profile

preflight-no-output-intent = no PDF/X output intent: the file does not say which printing condition its colours are meant for
    .help = export as PDF/X-4 with the print shop's output profile (for example FOGRA39 or PSO Coated v3 / FOGRA51 for coated paper)
preflight-several-output-intents = { $count } PDF/X output intents; PDF/X-4 allows one
    .help = export again with one output intent, the print shop's printing condition
preflight-no-output-condition = the output intent has no OutputConditionIdentifier
    .help = name the printing condition (for example FOGRA39) when exporting
preflight-no-output-profile = the output intent has no embedded ICC profile (DestOutputProfile)
    .help = PDF/X-4 embeds the printing condition's profile: export with the profile included
preflight-output-profile-help = embed the print shop's CMYK output profile (an .icc file of class 'prtr')
preflight-output-profile-packed = the output profile cannot be decompressed
preflight-output-profile-unusable = the output profile is unusable: { $reason }
preflight-output-profile-class = the output profile is { $class }, not an output profile
preflight-output-profile-space = the output profile is for { $space } output, not CMYK
    .help = an offset print shop expects a CMYK printing condition; check with the shop
preflight-output-profile-components = the profile stream says /N { $n }, the profile has { $components } components
preflight-output-profile-no-components = the profile stream has no /N, the profile has { $components } components

## Identification (XMP and Info)

preflight-no-xmp = no XMP metadata: PDF/X-4 identifies itself there
    .help = export as PDF/X-4; the exporter writes the metadata
preflight-xmp-missing = the XMP metadata has no { $what } ({ $property })
    .help = export as PDF/X-4 again; the exporter writes the metadata
preflight-xmp-title = title
preflight-xmp-create-date = creation date
preflight-xmp-modify-date = modification date
preflight-xmp-document-id = document identifier
preflight-xmp-version-id = version identifier
preflight-xmp-rendition-class = rendition class
preflight-no-pdfx-id = the file does not claim PDF/X-4 (no pdfxid:GTS_PDFXVersion in the XMP)
    .help = export as PDF/X-4
preflight-other-pdfx = the file claims { $version }, not PDF/X-4
    .help = export as PDF/X-4; PDF/X-1a and X-3 do not allow transparency and ICC-based colour as X-4 does
preflight-trapped = pdf:Trapped is { $value }; PDF/X-4 needs True or False
    .help = say whether the file is trapped (usually False: the print shop traps)
preflight-trapped-missing = pdf:Trapped is missing; PDF/X-4 needs True or False
preflight-info-title = the title in the Info dictionary ("{ $info }") differs from the XMP title ("{ $xmp }")
    .help = set the title once in the exporting program, so both say the same
preflight-info-trapped = /Trapped in the Info dictionary (/{ $value }) differs from pdf:Trapped
    .help = export again; the two must say the same
preflight-info-version = the Info dictionary claims { $version }, the XMP something else

## Interactive features

preflight-javascript = the document contains JavaScript
    .help = export without scripts; a print file has nothing to run
preflight-embedded-file = the document has embedded files (attachments)
    .help = remove the attachments; send other files to the print shop separately
preflight-document-actions = the document has additional actions (/AA), run when it is opened or closed
    .help = export without interactive features
preflight-open-action = the document runs an action when it is opened
preflight-form = the document has form fields
    .help = flatten the form (print its fields as page content) before sending
preflight-action = a { $kind } action (in a bookmark, form or page)
    .help = remove interactive features: PDF/X allows no actions

## Pages

preflight-unreadable-page = the page object cannot be read
preflight-page-actions = the page runs actions when it is opened or closed (/AA)
preflight-no-media-box = the page has no MediaBox
preflight-trim-and-art-box = the page has both a TrimBox and an ArtBox
    .help = PDF/X wants one of them; the TrimBox (the finished size) is the one the print shop uses
preflight-no-trim-box = the page has no TrimBox: the finished size is unknown
    .help = export with the document's page size as trim (in most programs: PDF/X export with 'use document bleed settings')
preflight-bleed-outside-media = the BleedBox reaches outside the MediaBox
    .help = export again; the bleed must lie within the page
preflight-trim-outside-bleed = the TrimBox reaches outside the BleedBox
    .help = export again; the finished size must lie within the bleed
# `kind` is the annotation's subtype in lower case (link, widget, text, …); `place` one of
# trim, bleed, outside, page.
preflight-annotation = { $count ->
    [one] { $kind } annotation
   *[other] { $count } { $kind } annotations
} { $place ->
    [trim] inside the trim
    [bleed] in the bleed
    [outside] outside the bleed
   *[page] on the page
}
preflight-annotation-link = export without links (links belong in the web edition)
preflight-annotation-widget = flatten the form fields before sending
preflight-annotation-other = remove the annotation, or flatten it into the page if it should print
preflight-bleed = colour reaches the trim edge with less than 3 mm bleed: { $sides }
    .help = let backgrounds and pictures that touch the edge run 3 mm past it, and export with 3 mm bleed
# `side` is one of left, bottom, right, top.
preflight-bleed-side = { $side ->
    [left] left
    [bottom] bottom
    [right] right
   *[top] top
} ({ $mm } mm)

## Page content

preflight-too-complex = the page has more than { $limit } drawing operations; the rest was not checked
    .help = simplify the artwork (flatten huge vector drawings) and check again
preflight-unreadable-content = a content stream cannot be read
# `what` is one of operator, space, image, gradient.
preflight-device-rgb = DeviceRGB colour ({ $what ->
    [operator] colour set with rg/RG
    [space] a colour space based on DeviceRGB
    [image] an image in DeviceRGB
   *[gradient] a gradient in DeviceRGB
})
    .help = convert the colours to CMYK for the printing condition, or tag them with an ICC profile (sRGB), before exporting
# `what` is fill, stroke, text or outline.
preflight-ink-coverage = { $what ->
    [fill] fill
    [text] text
    [outline] text outline
   *[stroke] stroke
} in C { $c } M { $m } Y { $y } K { $k } needs { $total } % ink, more than { $limit } %
    .help = lower the colour's cyan, magenta and yellow until the four inks add up to at most { $limit } %
preflight-font-not-embedded = font { $font } is not embedded
    .help = embed all fonts when exporting (subsets are fine); the print shop's RIP would substitute another font
preflight-rgb-blend-space = a transparency group blends in DeviceRGB
    .help = blend transparency in CMYK (set the document's blending space to CMYK when exporting)
preflight-image-resolution = image of { $width } × { $height } px placed at { $placed_width } × { $placed_height } mm: { $ppi } ppi (below { $threshold })
    .help = use an image of at least { $need_width } × { $need_height } px for this size ({ $target } ppi), or place it smaller
preflight-transfer-function = a transfer function changes the tone values
    .help = remove transfer functions: PDF/X leaves tone reproduction to the printing condition
