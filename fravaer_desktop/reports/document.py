"""The one document template of the app: A4 portrait, company header, title, 'Side x af y'.

Every printed document is a list of flowables handed to `render_pdf`. This module also holds the
reusable pieces of the builders: paragraph styles, data tables, key/value facts, signature lines.
The text is set in Liberation Sans (resources/fonts, decision 0011), embedded in every PDF: it
has Helvetica's widths and, unlike the standard PDF fonts, the letters of staff names from Poland,
Romania, Turkey, the Baltics and Ukraine (Ł, ş, ă, ė, Cyrillic).
"""

from __future__ import annotations

import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import Company
from fravaer_desktop.paths import resource

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 1.8 * cm
HEADER_TOP = 1.3 * cm
TOP_MARGIN = 4.5 * cm
BOTTOM_MARGIN = 2.2 * cm
FOOTER_Y = 1.2 * cm
HEADER_RULE_Y = PAGE_HEIGHT - TOP_MARGIN + 0.4 * cm  # the blue line under the company header
ADDRESS_LEADING = 11
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
#: Room in the middle of the footer, between "Udskrevet <date>" and "Side x af y".
FOOTER_CENTRE_WIDTH = CONTENT_WIDTH - 2 * 4.4 * cm
LOGO_MAX_HEIGHT = 2.5 * cm
LOGO_MAX_WIDTH = 6.0 * cm

FONT = "LiberationSans"
FONT_BOLD = "LiberationSans-Bold"
FONT_ITALIC = "LiberationSans-Italic"
FONT_BOLD_ITALIC = "LiberationSans-BoldItalic"
ACCENT = colors.HexColor("#1f4e79")
HEADER_FILL = colors.HexColor("#dde6f0")
TOTAL_FILL = colors.HexColor("#f1f4f8")
GRID = colors.HexColor("#b7c3d0")
MUTED = colors.HexColor("#555555")



def _register_fonts() -> None:
    """Make the font family known to reportlab, with <b> and <i> mapped to its faces."""
    faces = {
        (False, False): (FONT, "LiberationSans-Regular.ttf"),
        (True, False): (FONT_BOLD, "LiberationSans-Bold.ttf"),
        (False, True): (FONT_ITALIC, "LiberationSans-Italic.ttf"),
        (True, True): (FONT_BOLD_ITALIC, "LiberationSans-BoldItalic.ttf"),
    }
    for (bold, italic), (name, file_name) in faces.items():
        registerFont(TTFont(name, str(resource(f"fonts/{file_name}"))))
        addMapping(FONT, bold, italic, name)


_register_fonts()

MANAGER_SIGNATURE = "Dato og underskrift, leder"
EMPLOYEE_SIGNATURE = "Dato og underskrift, medarbejder"


@dataclass(frozen=True)
class Styles:
    """Paragraph styles shared by all documents."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_number: ParagraphStyle
    cell_number_bold: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared paragraph styles (built once)."""
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, spaceAfter=6)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5)
    cell_number = ParagraphStyle("cell_number", parent=cell, alignment=TA_RIGHT)
    return Styles(
        title=ParagraphStyle(
            "title", fontName=FONT_BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2
        ),
        subtitle=ParagraphStyle(
            "subtitle", fontName=FONT, fontSize=11, leading=14, textColor=MUTED, spaceAfter=12
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=6,
        ),
        body=body,
        small=ParagraphStyle(
            "small", fontName=FONT_ITALIC, fontSize=8.5, leading=11, textColor=MUTED
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_number=cell_number,
        cell_number_bold=ParagraphStyle("cell_number_bold", parent=cell_number, fontName=FONT_BOLD),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text; characters such as '&' and '<' are shown as typed."""
    return Paragraph(escape(text), style)


def section_heading(text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
    """A heading (in `style`, else the shared heading style) that moves to the next page rather
    than sit alone at the bottom of one."""
    return [CondPageBreak(3 * cm), para(text, style or styles().heading)]


#: Body rows that stay on the page of a table's totals row (a total alone says nothing).
ROWS_KEPT_WITH_TOTAL = 2


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    col_widths: Sequence[float],
    numeric_columns: Collection[int] = (),
    total_row: Sequence[str] | None = None,
) -> Table:
    """A data table whose header row is repeated on every page it runs over.

    Numeric columns are right-aligned. In `total_row` the first cell spans the empty cells that
    directly follow it (e.g. "I alt" over the text columns); it never stands alone at the top of
    a page: the last `ROWS_KEPT_WITH_TOTAL` body rows go with it. A body cell may also be a
    ready-made flowable (e.g. a paragraph in bold, or a title with a detail line under it).
    """
    st = styles()

    def cells(values: Sequence[str | Flowable], bold: bool) -> list[Flowable]:
        return [
            para(value, _cell_style(st, index in numeric_columns, bold))
            if isinstance(value, str)
            else value
            for index, value in enumerate(values)
        ]

    matrix = [cells(header, True)] + [cells(row, False) for row in rows]
    commands = _data_table_commands(len(matrix))
    if total_row is not None:
        matrix.append(cells(total_row, True))
        commands += _total_row_commands(total_row)
        # No page break between the last body rows and the total (kept on every later split).
        commands.append(("NOSPLIT", (0, -1 - ROWS_KEPT_WITH_TOTAL), (-1, -1)))
    return document_table(matrix, col_widths, commands, repeatRows=1)


def _cell_style(st: Styles, numeric: bool, bold: bool) -> ParagraphStyle:
    if numeric:
        return st.cell_number_bold if bold else st.cell_number
    return st.cell_bold if bold else st.cell


def _data_table_commands(row_count: int) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if row_count > 1:
        commands.append(("VALIGN", (0, 0), (-1, 0), "BOTTOM"))
    return commands


def _total_row_commands(total_row: Sequence[str]) -> list[tuple[Any, ...]]:
    span_end = 0
    while span_end + 1 < len(total_row) and not total_row[span_end + 1]:
        span_end += 1
    return [
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ("SPAN", (0, -1), (span_end, -1)),
    ]


def facts_table(
    facts: Sequence[tuple[str, str]], label_width: float = 4.2 * cm, width: float = CONTENT_WIDTH
) -> Table:
    """Key/value lines ("Medarbejder: Anna Jensen") as a borderless two-column table.

    `width` is the whole table's width; less than the page's lets two tables stand side by side.
    """
    st = styles()
    label_style = ParagraphStyle("fact_label", parent=st.body, fontName=FONT_BOLD, spaceAfter=0)
    value_style = ParagraphStyle("fact_value", parent=st.body, spaceAfter=0)
    matrix = [[para(label, label_style), para(value, value_style)] for label, value in facts]
    layout = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    return document_table(matrix, [label_width, width - label_width], layout)


def signature_block(
    left_label: str = MANAGER_SIGNATURE, right_label: str = EMPLOYEE_SIGNATURE
) -> Table:
    """Two signature lines side by side with a label under each (a line break in a label
    starts a second line, e.g. the name of the one who signs).

    It is a one-row table, so it is never split over two pages and can sit inside KeepTogether.
    """
    st = styles()
    gap = 1.2 * cm
    line_width = (CONTENT_WIDTH - gap) / 2
    label_style = ParagraphStyle("signature_label", parent=st.cell, textColor=MUTED)

    def signature(label: str) -> list[Flowable]:
        line = HRFlowable(width="100%", thickness=0.8, color=colors.black, spaceAfter=3)
        text = escape(label).replace("\n", "<br/>")
        return [Spacer(1, 1.6 * cm), line, Paragraph(text, label_style)]

    return document_table(
        [[signature(left_label), "", signature(right_label)]],
        [line_width, gap, line_width],
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
    )


def document_table(
    matrix: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]],
    **table_options: Any,
) -> Table:
    """A left-aligned table whose plain-text cells use the document font, not Helvetica."""
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])
    table = Table(matrix, colWidths=list(col_widths), style=style, **table_options)
    table.hAlign = "LEFT"
    return table


class NumberedCanvas(Canvas):
    """A canvas that holds back its pages until the end, so each footer can say 'Side x af y'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # reportlab's document template passes None, which means Helvetica on every page
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        page_count = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self._draw_page_number(page_count)
            super().showPage()
        super().save()

    def _draw_page_number(self, page_count: int) -> None:
        self.saveState()
        self.setFont(FONT, 8.5)
        self.setFillColor(MUTED)
        text = f"Side {self.getPageNumber()} af {page_count}"
        self.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, text)
        self.restoreState()


def render_pdf(
    company: Company,
    title: str,
    flowables: Sequence[Flowable],
    printed_on: date,
    subtitle: str = "",
    footer_note: str = "",
    running_title: str = "",
) -> bytes:
    """Lay out `flowables` under the company header and `title`; return the PDF as bytes.

    `footer_note` is a short line printed small under the footer of every page.
    `running_title` is printed in the middle of every page's footer instead of `title`: for a
    document about one person, their name (and period), so that every page of a printout can be
    told apart from another employee's in the paper file.
    """
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        subject=subtitle or title,
        author=company.name,
        creator="Fravær",
        lang="da-DK",
    )
    height = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN
    frame = Frame(MARGIN_X, BOTTOM_MARGIN, CONTENT_WIDTH, height, 0, 0, 0, 0, id="body")
    decorate = _PageDecoration(company, running_title or title, printed_on, footer_note)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    story = [para(title, styles().title)]
    story.append(para(subtitle, styles().subtitle) if subtitle else Spacer(1, 10))
    doc.build(story + list(flowables), canvasmaker=NumberedCanvas)
    return buffer.getvalue()


class _PageDecoration:
    """Draws the company header and the footer text on every page."""

    def __init__(self, company: Company, title: str, printed_on: date, footer_note: str = ""):
        self.company = company
        self.title = title
        self.printed_on = printed_on
        self.footer_note = footer_note
        self.logo = _load_logo(company.logo)

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        text_width = CONTENT_WIDTH
        if self.logo is not None:
            text_width -= self._draw_logo(canvas) + 0.8 * cm
        self._draw_company(canvas, text_width)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, HEADER_RULE_Y, PAGE_WIDTH - MARGIN_X, HEADER_RULE_Y)
        self._draw_footer(canvas)
        canvas.restoreState()

    def _draw_logo(self, canvas: Canvas) -> float:
        """Draw the logo in the top-right corner; return its width."""
        assert self.logo is not None
        width, height = self.logo.getSize()
        scale = min(LOGO_MAX_HEIGHT / height, LOGO_MAX_WIDTH / width)
        draw_w, draw_h = width * scale, height * scale
        x = PAGE_WIDTH - MARGIN_X - draw_w
        y = PAGE_HEIGHT - HEADER_TOP - draw_h
        canvas.drawImage(self.logo, x, y, draw_w, draw_h, mask="auto")
        return draw_w

    def _draw_company(self, canvas: Canvas, width: float) -> None:
        y = PAGE_HEIGHT - HEADER_TOP - 12
        canvas.setFillColor(colors.black)
        canvas.setFont(FONT_BOLD, 13)
        for line in _fitted_lines(self.company.name, FONT_BOLD, 13, width, max_lines=2):
            canvas.drawString(MARGIN_X, y, line)
            y -= 15
        canvas.setFont(FONT, 9)
        canvas.setFillColor(MUTED)
        room = int((y - HEADER_RULE_Y - 4) // ADDRESS_LEADING) + 1  # lines above the rule
        for line in _header_lines(self.company, width, room):
            canvas.drawString(MARGIN_X, y, line)
            y -= ADDRESS_LEADING

    def _draw_footer(self, canvas: Canvas) -> None:
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, FOOTER_Y + 12, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 12)
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, FOOTER_Y, f"Udskrevet {long_date(self.printed_on)}")
        _draw_centred_fitting(canvas, self.title, FOOTER_Y, FOOTER_CENTRE_WIDTH, 8.5)
        if self.footer_note:
            canvas.setFont(FONT_ITALIC, 7.5)
            canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y - 11, self.footer_note)


def _header_lines(company: Company, width: float, room: int) -> list[str]:
    """The CVR number and the address under the company's name, in at most `room` lines.

    The address keeps its own lines where they fit; otherwise its parts are joined with commas
    and wrapped, so the postcode and town are never left out.
    """
    lines = [f"CVR-nr. {company.cvr}"] if company.cvr.strip() else []
    parts = [part.strip() for part in company.address.splitlines() if part.strip()]
    as_typed = [line for part in parts for line in simpleSplit(part, FONT, 9, width)]
    if len(lines) + len(as_typed) <= room:
        return lines + as_typed
    return lines + _fitted_lines(", ".join(parts), FONT, 9, width, max(1, room - len(lines)))


def _fitted_lines(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """`text` wrapped to `width`, at most `max_lines` lines; a word wider than the line, or
    text left over, is cut with "…" so nothing runs off the page or vanishes unmarked."""
    lines = simpleSplit(text, font, size, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    return [_cut_to_width(line, font, size, width) for line in lines]


def _cut_to_width(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_centred_fitting(
    canvas: Canvas, text: str, y: float, width: float, size: float, smallest: float = 6.5
) -> None:
    """Draw `text` centred in `width`: smaller (down to `smallest` pt) or cut with "…" to fit."""
    while size > smallest and canvas.stringWidth(text, FONT, size) > width:
        size -= 0.5
    text = _cut_to_width(text, FONT, size, width)
    canvas.setFont(FONT, size)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, text)


def _load_logo(data: bytes | None) -> ImageReader | None:
    """The company logo (PNG or JPEG bytes) ready to draw, or None when missing or unreadable."""
    if not data:
        return None
    try:
        logo = ImageReader(io.BytesIO(data))
        width, height = logo.getSize()
    except (OSError, ValueError):
        return None
    return logo if width > 0 and height > 0 else None
