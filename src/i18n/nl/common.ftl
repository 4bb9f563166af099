# Shared words: how a diagnostic is headed, counts that several commands use.
# Every message here exists in en/common.ftl with the same id and arguments.

severity-error = fout
severity-warning = waarschuwing
severity-note = opmerking
diagnostic-help = tip
diagnostic-note = toelichting
# A diagnostic about a file whose text cannot be shown (a workbook): where it is.
diagnostic-in-file = in { $file }
diagnostic-in-place = in { $file }, { $place }

common-pages = { $count ->
    [one] { $count } pagina
   *[other] { $count } pagina's
}

# The engine's own failures (rare: a socket, a folder, the view's data).
error-view-data = de gegevens voor de layout konden niet worden gemaakt: { $reason }
error-project-root = projectmap { $path }: { $reason }
error-internal = interne fout: { $reason }
error-listen = kan niet luisteren op { $address }: { $reason }
error-read = { $path } kan niet worden gelezen: { $reason }
error-compile-stopped = het zetten stopte onverwacht
error-no-fonts = er zijn geen lettertypen geladen
    .help = het project heeft een map fonts/ nodig met minstens één lettertypebestand
error-no-such-region = deze regio bestaat niet
error-cache-limit = { $variable }={ $value } is geen grootte (probeer 512M of 2G)
