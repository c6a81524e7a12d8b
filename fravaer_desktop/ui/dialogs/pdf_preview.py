"""Preview of a generated PDF, with printing and 'save as PDF'."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.danish import file_problem
from fravaer_desktop.ui.file_dialogs import choose_file
from fravaer_desktop.ui.screen_fit import device_pixel_ratio, resize_within_screen

PREVIEW_SCALE = 1.3  # 72 dpi * 1.3 ≈ 94 dpi on screen
PRINT_DPI = 300


def render_pages(pdf_bytes: bytes, scale: float) -> list[QImage]:
    """Each page of the PDF as an image (`scale` 1.0 = 72 dpi)."""
    document = pdfium.PdfDocument(pdf_bytes)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            width, height = bitmap.width, bitmap.height
            image = QImage(bitmap.buffer, width, height, bitmap.stride, QImage.Format.Format_RGB888)
            images.append(image.copy())
            page.close()
    finally:
        document.close()
    return images


class PdfPreviewDialog(QDialog):
    """Shows every page; 'Udskriv…' sends them to a printer, 'Gem som PDF…' writes the file."""

    def __init__(self, pdf_bytes: bytes, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Udskrift – {title}")
        self._pdf = pdf_bytes
        self._file_name = file_name
        # Rendered for the screen's pixels, so the pages are sharp at 150 % and 200 % too.
        pixel_ratio = device_pixel_ratio(self)
        self.pages = render_pages(pdf_bytes, PREVIEW_SCALE * pixel_ratio)
        pages_box = QWidget()
        pages_layout = QVBoxLayout(pages_box)
        pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for image in self.pages:
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(pixel_ratio)
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #999; background: white;")
            pages_layout.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(pages_box)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.page_count = QLabel(f"{len(self.pages)} side" + ("r" if len(self.pages) != 1 else ""))
        print_button = QPushButton("Udskriv…")
        save_button = QPushButton("Gem som PDF…")
        close_button = QPushButton("Luk")
        print_button.clicked.connect(self.print_document)
        save_button.clicked.connect(self.choose_file_and_save)
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.page_count)
        buttons.addStretch(1)
        buttons.addWidget(print_button)
        buttons.addWidget(save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        first_width = round(self.pages[0].width() / pixel_ratio) if self.pages else 600
        resize_within_screen(self, first_width + 80, 900)

    def save_to(self, path: Path) -> None:
        path.write_bytes(self._pdf)

    def choose_file_and_save(self) -> None:
        target = choose_file(self, "Gem som PDF", self._file_name, "PDF (*.pdf)", save=True)
        if target is None:
            return
        try:
            self.save_to(target)
        except OSError as error:
            QMessageBox.warning(
                self, "Kunne ikke gemme",
                f"Filen kunne ikke gemmes: {file_problem(error)}. Vælg en anden mappe.",
            )

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        images = render_pages(self._pdf, PRINT_DPI / 72)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, "Kunne ikke udskrive", "Printeren kunne ikke startes.")
            return
        try:
            for number, image in enumerate(images):
                if number:
                    printer.newPage()
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(scaled))
        finally:
            painter.end()
