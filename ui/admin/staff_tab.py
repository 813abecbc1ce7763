"""The admin screen's Staff tab: who may sign in at this kiosk, and as what.

Two pages like the Products tab: the accounts, and the form of the one tapped (or of a new
one). Only widgets: the dialog runs the work on the worker thread (``ui.admin.tasks``),
where only a manager may change accounts and the last active manager is kept.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog.models import StaffMember
from ui.widgets import FORM_PAGE, LIST_PAGE, list_and_form, named, touch_table

ROLES = ("cashier", "supervisor", "manager")


class StaffTab(QWidget):
    """The accounts (name, role, active) and a form to add one or change one."""

    addRequested = Signal(str, str, str)  # name, role, PIN
    changeRequested = Signal(str, str, bool, object)  # name, role, active, new PIN or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members: tuple[StaffMember, ...] = ()
        self.creating = False
        self.editing_name = ""
        self.table = touch_table([self.tr("Name"), self.tr("Role"), self.tr("Account")], 0)
        self.table.cellClicked.connect(lambda row, _column: self._pick(row))
        self.new = named(QPushButton(self.tr("Add a staff member")), "SecondaryButton")
        self.new.clicked.connect(self.start_new)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(self._role_text(role), role)
        self.pin = self._pin_box()
        self.pin_again = self._pin_box()
        self.active = QCheckBox(self.tr("May sign in (a disabled account stays on record)"))
        self.save = named(QPushButton(self.tr("Save")), "PrimaryButton")
        self.save.clicked.connect(self.save_current)
        self.back = named(QPushButton(self.tr("Back to the list")), "SecondaryButton")
        self.back.clicked.connect(self.show_list)
        self.problem = named(QLabel(), "Message")
        self.problem.setWordWrap(True)
        self._lay_out()

    def _pin_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setEchoMode(QLineEdit.EchoMode.Password)
        box.setMaxLength(8)
        return box

    def _role_text(self, role: str) -> str:
        texts = {
            "cashier": self.tr("cashier: age checks, help, marked items"),
            "supervisor": self.tr("supervisor: also prices, offers, refunds"),
            "manager": self.tr("manager: also staff accounts"),
        }
        return texts[role]

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN (4 to 8 digits)"), self.pin)
        form.addRow(self.tr("The PIN again"), self.pin_again)
        form.addRow(self.active)
        fields = QVBoxLayout()
        fields.addLayout(form)
        fields.addStretch(1)
        self.pages = list_and_form(
            self.table, None, self.new, fields, self.problem, self.back, self.save
        )
        QVBoxLayout(self).addWidget(self.pages)

    def show_staff(self, members: tuple[StaffMember, ...]) -> None:
        """The accounts, by name; back to the list."""
        self.members = members
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            state = self.tr("active") if member.active else self.tr("disabled")
            cells = (member.name, self._role_text(member.role).split(":")[0], state)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.show_list()

    def show_list(self) -> None:
        """Back to the accounts; what the form held is dropped (PINs first of all)."""
        self.pin.clear()
        self.pin_again.clear()
        self.creating = False
        self.pages.setCurrentIndex(LIST_PAGE)

    def editing(self) -> bool:
        """Whether the form page shows (rather than the list)."""
        return self.pages.currentIndex() == FORM_PAGE

    def start_new(self) -> None:
        """An empty form for a new account (a cashier unless chosen otherwise)."""
        self.creating = True
        self.editing_name = ""
        self.name.clear()
        self.name.setEnabled(True)
        self.role.setCurrentIndex(0)
        self.active.setChecked(True)
        self.active.setEnabled(False)
        self._open_form(self.tr("A new account: the PIN opens the staff pad from now on."))
        self.name.setFocus()

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self.members):
            return
        member = self.members[row]
        self.creating = False
        self.editing_name = member.name
        self.name.setText(member.name)
        self.name.setEnabled(False)
        self.role.setCurrentIndex(ROLES.index(member.role))
        self.active.setChecked(member.active)
        self.active.setEnabled(True)
        self._open_form(self.tr("Leave the PIN empty to keep the present one."))

    def _open_form(self, hint: str) -> None:
        self.pin.clear()
        self.pin_again.clear()
        self.problem.setText(hint)
        self.pages.setCurrentIndex(FORM_PAGE)

    def save_current(self) -> None:
        """Ask to add the account, or to change the chosen one."""
        pin, again = self.pin.text(), self.pin_again.text()
        if pin != again:
            self.problem.setText(self.tr("The two PINs differ: type the new PIN twice."))
            return
        role = str(self.role.currentData())
        if self.creating:
            name = self.name.text().strip()
            if not name or not pin:
                self.problem.setText(self.tr("A new account needs a name and a PIN."))
                return
            self.addRequested.emit(name, role, pin)
        else:
            self.changeRequested.emit(self.editing_name, role, self.active.isChecked(), pin or None)
