# serve: see ../mod.rs. Every id here exists in the other language's serve.ftl.
# The pages (templates and scripts) name their ids in src/serve/texts.rs; the schema's in
# src/content/schema.rs.

## Pages: shared

serve-skip = Skip to content
serve-brand = preview
serve-live-connecting = connecting…
serve-live-connected = live
serve-live-lost = connection lost, trying again…
serve-edit = Edit
serve-this-document = This document
serve-typesetting = Typesetting…
serve-page-error = Error in the page
    .title = Error
serve-page-of = Page { $page } of { $pages }

## The index

serve-index-project = Project
serve-index-project-errors = Project with errors
serve-index-check = Check
serve-summary-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}{ $warnings ->
    [0] {""}
    [one] {" "}and 1 warning
   *[other] {" "}and { $warnings } warnings
} in the content. The PDFs and previews show the last good version.
serve-summary-warnings = No errors, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}.
serve-summary-ok = No errors or warnings.
serve-script-errors =
    .one = 1 error
    .other = { $count } errors
serve-script-warnings =
    .one = 1 warning
    .other = { $count } warnings
serve-script-summary-errors = { $errors } in the content. The PDFs and previews show the last good version.
serve-script-summary-errors-warnings = { $errors } and { $warnings } in the content. The PDFs and previews show the last good version.
serve-script-summary-warnings = No errors, { $warnings }.
serve-index-publication = Publication
serve-index-view-preview = View the preview
serve-index-download-web = Download the web edition (PDF)
serve-index-download-print = Download the print edition (PDF)
serve-index-edit-publication = Edit the publication
serve-index-regions = Regions and fact sheets
serve-index-filter = Find a region or municipality
serve-index-region-count = { $count ->
    [one] 1 region
   *[other] { $count } regions
}
    .one = 1 region
    .other = { $count } regions
serve-index-map-per-sector = Map per sector
serve-index-pdf-of = of { $name }
serve-index-edit-themes-cases = Edit themes and cases
serve-index-cases-stories = Cases and stories
serve-index-chapter = chapter { $number }
serve-index-case-in = case, { $region }
serve-index-story-in = story, { $region }

## A document's preview

serve-kind-publication = publication
serve-kind-factsheet = fact sheet
serve-preview-web-pdf = Web edition (PDF)
serve-preview-print-pdf = Print edition (PDF)
# Around the folder names content/, layouts/ and fonts/: "Changes to content/, layouts/ and fonts/ appear here by themselves."
serve-preview-hint-before = {"Changes to "}
serve-preview-hint-and = {" and "}
serve-preview-hint-after = {" appear here by themselves."}
serve-overlay-title = Errors in the content
serve-overlay-help = Below is the last good version. Fix the error and save: this box then disappears by itself.
serve-overlay-hide = Hide

## Not found

serve-not-found = Not found
# Around the id the visitor asked for: "There is no region with the id zwole."
serve-not-found-region-before = {"There is no region with the id "}
serve-not-found-region-after = {"."}
# Around the region's name and id: "Did you mean Zwolle (zwolle)?"
serve-not-found-did-you-mean-before = {"Did you mean "}
serve-not-found-did-you-mean-after = {"?"}
serve-not-found-page = This page does not exist.
serve-to-overview = To the overview

## Answers to programs (JSON `error` and `help`)

serve-no-asset = no such file
serve-no-route = no such route; see / for what this server offers
serve-no-document = no such document
serve-unknown-region = unknown region "{ $id }"
serve-did-you-mean = did you mean "{ $id }"?
serve-list-regions = GET /api/regions lists every region id
serve-factsheet-path = fact sheets are at /factsheets/<region>.pdf
serve-unknown-profile = unknown profile "{ $profile }"
    .help = use ?profile=web (the default) or ?profile=print
serve-no-good-version = the content has errors and there is no earlier good version
serve-job-failed = the document cannot be prepared
serve-layout-failed = the layout failed
serve-busy = too many documents are being made; try again in a moment
serve-timeout = the document took too long; try again in a moment
serve-preview-stopped = the preview stopped unexpectedly
serve-preview-failed = the preview cannot be made
serve-no-page = no such page
serve-no-page-old = no such page (it may belong to an older version)

## Refusals (the lock in front of every route)

serve-refused-host = This server only answers at its own address.
    .help = To reach the server by another name, start it with --allowed-host NAME.
serve-refused-read-only = Editing is off: this server was started with --read-only.
serve-refused-no-proof = You are not signed in.
    .help = Open the link drukwerk serve showed when it started, on the line that begins with “Edit:”. Programs send the token as “Authorization: Bearer TOKEN”.
    .help-proxy = Open this page through your organisation's sign-in page, or with the link drukwerk serve showed on the line that begins with “Edit:”.
serve-refused-wrong-token = This token does not belong to this server.
    .help = Was the server restarted? Then it has a new link: open the link drukwerk serve showed when it last started, on the line that begins with “Edit:”.
serve-refused-bad-user = The sign-in proxy did not pass a valid user name.
    .help = Ask whoever runs the sign-in for help.
serve-refused-origin = This change does not come from a page of this server.
    .help = Changes are only accepted from this server's own editor.
serve-refused-content-type = A change must be JSON (Content-Type: application/json).
serve-refused-method = This method is not accepted here.
serve-refused-too-large = The request is too large.
serve-refused-bad-body = The body of the request could not be read.
serve-refused-read-method = Only GET and HEAD: this server accepts nothing.
serve-refused-read-body = A request with a body is not accepted.

## The editor's pages

editor-breadcrumbs = Breadcrumbs
editor-overview = Overview
editor-crumb-new = New
editor-full-preview = Full preview
editor-loading = Loading…
editor-fields = Fields
editor-create = Create
editor-save-button = Save…
editor-delete-button = Delete…
editor-preview = Preview
editor-preview-after-create = The preview appears once { $kind ->
    [regions] the new region
    [cases] the new case
   *[themes] the new theme
} has been created.
editor-history = History
editor-cancel = Cancel

## The editor's API

editor-off = the editor is off (--read-only)
editor-internal = internal error
editor-has-errors = the content has errors
editor-bad-json = not valid JSON
editor-publication-no-id = the publication has no id
editor-io-failed = reading or writing on disk failed
editor-not-toml = the file is not valid TOML; fix it first (drukwerk check shows where): { $detail }
editor-fields-not-object = "fields" must be a JSON object
editor-fields-missing = "fields" is missing or not an object
editor-missing = "{ $name }" is missing
editor-not-base64 = "{ $name }" is not base64
editor-unknown-kind = unknown kind of content "{ $kind }"
editor-no-id = no id
editor-invalid-id = invalid id "{ $id }"
editor-no-such-file = no { $kind ->
    [regions] region
    [cases] case
    [themes] theme
   *[other] file
} with id "{ $id }"
editor-cannot-read = { $file } cannot be read
editor-not-utf8 = { $file } is not UTF-8
editor-changed-meanwhile = the file has changed in the meantime
editor-file-exists = the file already exists
editor-cannot-create = cannot create a new "{ $kind }"
editor-cannot-delete-publication = the publication cannot be deleted
editor-bad-id = "{ $id }" is not a valid id
    .help = use lowercase letters, digits and hyphens, such as "noord-holland-noord"
editor-exists = there already is a { $kind ->
    [regions] region
    [cases] case
   *[themes] theme
} with id "{ $id }"
editor-no-version = no version "{ $commit }"
editor-image-too-large = the image is larger than { $megabytes } MB
editor-image-help = choose a PNG or JPEG file
editor-image-not-png-jpeg = not a PNG or JPEG
editor-image-only-png-jpeg = only PNG and JPEG are accepted
editor-image-unreadable = the image cannot be read
editor-no-free-name = no free file name
editor-pages-factsheet = Fact sheet
editor-pages-region = Region page in the publication
editor-pages-case = Case in the publication
editor-pages-theme = Chapter in the publication
editor-pages-publication = First pages of the publication
editor-case-kind-case = Case (in the theme's chapter)
editor-case-kind-story = Story (on the region page)
editor-sector-po = Primary education (po)
editor-sector-vo = Secondary education (vo)
editor-sector-mbo = Vocational education (mbo)
editor-lint-identical-figures = Key figures the same as another region's
editor-lint-duplicate-municipality = Municipality also in another region of the same sector
editor-lint-figures-contradict-sectors = Key figures do not fit the sectors
editor-lint-no-municipalities = Region without municipalities
editor-lint-other = Warning

# Commit messages are always written in Dutch (editor.rs, COMMIT_LANG); these English texts
# exist because both catalogues have the same ids.
editor-commit-edited = { $kind ->
    [regions] Region { $id }
    [cases] Case { $id }
    [themes] Theme { $id }
   *[publication] Publication
} edited
editor-commit-changed = { $kind ->
    [regions] Region { $id }
    [cases] Case { $id }
    [themes] Theme { $id }
   *[publication] Publication
}: { $fields } changed
editor-commit-added = { $kind ->
    [regions] Region
    [cases] Case
   *[themes] Theme
} { $id } added
editor-commit-deleted = { $kind ->
    [regions] Region
    [cases] Case
   *[themes] Theme
} { $id } deleted

## The content format, as the editor's form shows it (src/content/schema.rs)

schema-kind-publication = Publication
    .plural = Publication
    .new = New publication
    .edit = Edit the publication
schema-kind-regions = Region
    .plural = Regions
    .new = New region
    .edit = Edit region: { $title }
schema-kind-cases = Case
    .plural = Cases
    .new = New case
    .edit = Edit case: { $title }
schema-kind-themes = Theme
    .plural = Themes
    .new = New theme
    .edit = Edit theme: { $title }
schema-image-path = File
    .help = A PNG or JPEG file under content/images/.
schema-image-alt = Alternative text
    .help = What the image shows, for those who cannot see it.
schema-image-credit = Photographer or rights holder
schema-pillar-letter = Letter
schema-pillar-title = Title
schema-pillar-text = Explanation
schema-abc-title = Title
schema-abc-lede = Opening sentence
schema-abc-body = Text
schema-abc-pillars = Pillars
    .help = The four pillars, in order.
schema-key-figure-id = Code
    .help = The name under [figures] in every region file.
schema-key-figure-label = Short name
    .help = Below the number.
schema-key-figure-description = Description
schema-key-figure-sector = Sector
schema-source-title = Title
schema-source-publisher = Publisher
schema-source-url = Address
    .help = A full address: https://… or mailto:…
schema-source-note = Note
schema-print-profile = ICC profile
    .help = Path of the printer's output profile.
schema-print-condition = Printing condition
    .help = For example FOGRA39.
schema-print-condition-name = Printing condition in words
schema-print-registry = Registry
schema-print-max-coverage = Maximum ink coverage (%)
schema-geography-year = Year of the municipal division
    .help = The municipalities as on 1 January of this year; drukwerk geo import changes it.
schema-geography-municipality-list = Municipality list (CSV)
schema-geography-municipality-boundaries = Municipal boundaries (GeoJSON)
schema-geography-province-boundaries = Provincial boundaries (GeoJSON)
schema-geography-attribution = Attribution under the maps
    .help = The licence of the boundaries asks for it.
schema-publication-title = Title
schema-publication-lede = Introduction on the cover
schema-publication-year = Year
schema-publication-date = Publication date
    .help = Also the date in the PDFs.
schema-publication-author = Author
    .help = For the PDF's metadata.
schema-publication-subject = Subject
    .help = One sentence, for the PDF's metadata.
schema-publication-keywords = Keywords
schema-publication-intro = Introduction
schema-publication-colophon = Colophon
schema-publication-geography = Geography
    .help = Which municipal division the maps and the municipality names follow.
schema-publication-abc = The ABC
schema-publication-key-figures = Key figures
    .help = The key figures every region has, in order.
schema-publication-sources = Sources
schema-publication-cover-image = Cover image
schema-publication-print = Printing condition
    .help = For the print edition; without these details FOGRA39 applies.
schema-allow-lint = Warning
schema-allow-reason = Reason
    .help = Why this warning is rightly ignored.
schema-region-id = Code
    .help = Lowercase letters, digits and hyphens; it does not change afterwards.
schema-region-name = Name
    .help = Exactly as published.
schema-region-subtitle = Subtitle
    .help = A line under the name, as published.
schema-region-sectors = Sectors
schema-region-municipalities = Municipalities
    .help = Official names from the CBS list.
schema-region-provinces = Provinces
    .help = Only for a region made of whole provinces.
schema-region-figures = Key figures
schema-region-allow = Accepted warnings
    .help = A warning that is right but justified, with the reason.
schema-region-image = Image
schema-case-id = Code
    .help = Lowercase letters, digits and hyphens; it does not change afterwards.
schema-case-kind = Kind
    .help = A case appears in the theme's chapter, a story on the region page.
schema-case-theme = Theme
schema-case-region = Region
schema-case-title = Title
schema-case-summary = Summary
    .help = One sentence, for fact sheets and region pages.
schema-case-body = Story
schema-case-image = Image
schema-learning-title = Title
schema-learning-text = Explanation
schema-theme-id = Code
    .help = Lowercase letters, digits and hyphens; it does not change afterwards.
schema-theme-short-title = Short title
    .help = In the table of contents and the running head.
schema-theme-title = Title
schema-theme-lede = Opening sentence
schema-theme-body = Text
schema-theme-learnings-title = Heading above the lessons
schema-theme-learnings = Lessons

## The editor's scripts (edit.js, edit-form.js)

editor-no-access-token = No access. Open the link drukwerk serve printed (with ?token=…).
editor-empty = (empty)
editor-id-label = Code
editor-id-help = Lowercase letters, digits and hyphens; it goes into the file name and into links, for example zwolle-e-o.
editor-file-unreadable = the file cannot be read
editor-error-prefix = {"Error: "}
editor-warning-prefix = {"Warning: "}
editor-accept-button = Accept…
editor-whole-file = Messages about the whole file
editor-and = {" and "}
editor-fix-first =
    .one = Fix the error first to save.
    .other = Fix the { $count } errors first to save.
editor-choose-first =
    .one = First choose which version stays in the conflict.
    .other = First choose which version stays in each conflict.
editor-no-changes = No changes.
editor-unsaved = Changes not saved yet.
editor-saved-at = Saved at { $time }.
editor-accept-text = The warning “{ $message }” will no longer be reported for this file.
editor-accept-reason = Why is this all right? (required)
editor-accept-title = Accept the warning
editor-accept = Accept
editor-accepted = Warning accepted; save to keep this.
editor-preview-failed = The preview cannot be made: { $reason }
editor-preview-errors = There are errors; below is the last good layout.
editor-updated-at = Updated at { $time }.
editor-preview-failed-status = The preview cannot be made ({ $reason }).
editor-page-alt = { $title }, page { $page } of { $pages } (preview with the changes)
editor-draft-restore = Restore unsaved changes from { $when }?
editor-draft-stale = {" "}Note: the file has changed since. What you restore replaces those changes too; check the overview when you save.
editor-draft-restore-button = Restore
editor-draft-restored = Unsaved changes restored.
editor-draft-discard = Discard
editor-removed = removed: { $items }
editor-added = added: { $items }
editor-reordered = { $value } (different order)
editor-changes = Changes
editor-changes-field = Field
editor-changes-was = Was
editor-changes-becomes = Becomes
editor-checking = Checking…
editor-not-saved-errors-first = Not saved: fix the errors first.
editor-nothing-to-save = No changes to save.
editor-save-title = Save the changes?
editor-save-changes-in = This changes in { $file }:
editor-save-changes-in-file = This changes in the file:
editor-save = Save
editor-not-saved = Not saved.
editor-saving = Saving…
editor-save-failed = Saving failed: { $reason }. Your changes are kept in this browser.
editor-not-saved-errors = Not saved: the content has errors.
editor-save-failed-status = Saving failed ({ $reason }). Your changes are kept in this browser.
editor-merged-conflicts =
    .one = The file has changed on disk in the meantime. Your changes and those on disk have been merged; below, choose which version stays in the field both changed, and save again.
    .other = The file has changed on disk in the meantime. Your changes and those on disk have been merged; below, choose which version stays in each of the { $count } fields both changed, and save again.
editor-merged = The file has changed on disk in the meantime. Your changes and those on disk have been merged; check the form and save again.
editor-not-saved-changed = Not saved: the file had changed.
editor-conflicts = Conflicts
editor-conflict-mine = My version
editor-conflict-theirs = Version on disk
editor-id-rule = only lowercase letters, digits and hyphens (not at the start or end), for example zwolle-e-o.
editor-fill-in-id = Fill in a valid id.
editor-creating = Creating…
editor-created = Created: { $file }. The page to go on editing opens…
editor-id-taken = there already is a file with the id “{ $id }”.
editor-not-created-taken = Not created: the id already exists.
editor-not-created-errors = Not created: the content has errors.
editor-create-failed = Creating failed ({ $reason }).
editor-delete-text = The file { $file } will be deleted. This cannot be undone (except through the history in git).
editor-delete-used-by = Note: this is still used by:
editor-delete-fix-first = Change those first; otherwise drukwerk refuses to delete.
editor-delete-title = Delete for good?
editor-delete = Delete for good
editor-deleted = Deleted.
editor-not-deleted-changed = Not deleted: the file has changed in the meantime. Reload the page and try again.
editor-not-deleted-referenced = Not deleted: other files still refer to it (see the messages).
editor-delete-failed = Deleting failed ({ $reason }).
editor-history-failed = The history cannot be loaded.
editor-history-none = No earlier versions known (the project is not in git, or this file has not been committed yet).
editor-history-restore = Restore this version
editor-version-failed = This version cannot be loaded.
editor-version-in-form = The version of { $when } is in the form. Check the preview and save to restore it.
editor-form-failed = The form cannot be loaded ({ $reason }).
editor-no-access = No access.
editor-file-gone = This file does not exist (any more).
editor-file-failed = The file cannot be loaded ({ $reason }).
editor-file = File: { $file }
editor-reloaded = Updated: the file has changed on disk.
editor-changed-on-disk = The file has changed on disk in the meantime. When you save, your changes and those on disk are merged.
editor-markdown-help = Formatting: paragraphs (a blank line between them), **bold**, *italic*, [link](https://…) and lists (lines that begin with "- "). Everything else stays as it is.
editor-markdown-toolbar = Formatting for { $field }
editor-markdown-bold-sample = bold text
editor-markdown-bold = Bold
editor-markdown-italic-sample = italic text
editor-markdown-italic = Italic
editor-markdown-link-sample = link text
editor-markdown-link = Link
editor-markdown-list-sample = item
editor-markdown-list = List
editor-whole-number = fill in a whole number, for example { $example }.
editor-municipality = Municipality
editor-add-entry = { $field }: add
editor-move-up = Up
editor-move-down = Down
editor-remove = Remove
editor-no-image = — no image —
editor-image-choose = Choose an image
editor-image-upload = Or upload a new image (PNG or JPEG)
editor-image-alt = Alternative text
editor-image-alt-help = Describe what the image shows, for those who cannot see it. Required with an image.
editor-image-credit = Photographer or rights holder
editor-image-alt-required = describe the image (alternative text is required).
editor-uploading = Uploading…
editor-uploaded = Uploaded as { $file }.
editor-upload-failed = Uploading failed: { $reason }
editor-add = Add
editor-did-you-mean = Did you mean { $name }?
editor-map-caption = Map of the { $field } in the list
editor-map-title = Map: { $known } of the { $count } municipalities in the list coloured

# Start-up refusals of --token-file and --allowed-host (printed by the command line).
serve-token-empty = the token file is empty
serve-token-bad-character = the token contains "{ $character }"; use only letters, digits and - . _ ~ (for example the output of `openssl rand -hex 32`)
serve-token-too-short = the token is { $length } characters long; it must have at least { $minimum } (for example the output of `openssl rand -hex 32`)
serve-bad-host-name = "{ $name }" is not a host name (letters, digits, - and .) or an IP address
