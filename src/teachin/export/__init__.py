"""Print-ready PDFs from the same HTML the reader shows (QtGui only, no widgets).

For the GUI (File › Export with a preview)::

    from teachin.export.documents import guide, handout, worksheet, agenda, debrief, \\
        choice_sheet, layout
    from teachin.export.paged import Paper, default_paper, write_pdf

    document = guide(library)                      # or handout(library, ["module-id"]), ...
    paged = layout(document, default_paper())      # pages laid out, contents filled in
    picture = paged.page_image(0, dpi=96)          # a QImage per page for the preview
    write_pdf(paged, path)                         # the same pages to a PDF, atomically

``teachin.export.commands.add_commands`` registers ``teachin export`` on the
command line. Layout needs a QGuiApplication; ``layout`` and ``write_pdf`` may
take a second for the full guide, so a GUI may run them off the UI thread
(one ``PagedDocument`` per thread).
"""
