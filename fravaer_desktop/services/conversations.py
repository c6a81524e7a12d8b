"""The guided conversation's documents: the data from the company file, rendered by reports.

Qt-free. The screens and `--export` call these; reportlab is loaded on first use.
"""

from __future__ import annotations

from datetime import datetime

from fravaer_desktop.core.conversation import Conversation, DocumentRequest, MinutesVersion
from fravaer_desktop.core.guides import ConversationGuide, load_guides
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.storage.repositories import Store

NO_COMPANY = "Virksomhedens oplysninger er ikke udfyldt endnu. Udfyld navn og CVR-nummer først."


def guide_of(conversation: Conversation) -> ConversationGuide:
    return load_guides().conversations[conversation.kind.value]


def company_of(store: Store) -> Company:
    company = store.company.get()
    if company is None:
        raise ValueError(NO_COMPANY)
    return company


def spell_of(store: Store, conversation: Conversation) -> AbsenceSpell | None:
    if conversation.spell_id is None:
        return None
    return next(
        (s for s in store.absences.for_employee(conversation.employee_id)
         if s.id == conversation.spell_id),
        None,
    )  # fmt: skip


def invitation_pdf(store: Store, conversation: Conversation) -> bytes:
    """The letter inviting the employee, with a line for receipt."""
    from fravaer_desktop.reports.conversation_documents import invitation_pdf as render

    employee = store.employees.get(conversation.employee_id)
    return render(
        company_of(store), employee, conversation.invitation, guide_of(conversation), store.today()
    )


def meeting_ics(store: Store, conversation: Conversation, stamp: datetime | None = None) -> bytes:
    """The meeting as a neutral calendar event."""
    from fravaer_desktop.core.calendar_export import meeting_calendar

    employee = store.employees.get(conversation.employee_id)
    return meeting_calendar(conversation.invitation, employee.name, company_of(store).name, stamp)


def minutes_pdf(store: Store, conversation: Conversation, version: int) -> bytes:
    from fravaer_desktop.reports.conversation_documents import minutes_pdf as render

    employee = store.employees.get(conversation.employee_id)
    return render(
        company_of(store), employee, conversation, guide_of(conversation),
        spell_of(store, conversation), version, store.today(),
    )  # fmt: skip


def print_minutes(store: Store, conversation_id: int) -> MinutesVersion:
    """The minutes to print now: the newest printed version when nothing has changed since,
    otherwise a new version, rendered and kept as printed."""
    repository = store.conversations
    versions = repository.minutes(conversation_id)
    if versions and repository.minutes_are_current(conversation_id):
        return versions[-1]
    conversation = repository.get(conversation_id)
    pdf = minutes_pdf(store, conversation, len(versions) + 1)
    return repository.add_minutes(conversation_id, pdf, store.today())


def opportunity_sheet_pdf(
    store: Store, employee: Employee, conversation: Conversation | None = None
) -> bytes:
    """The preparation sheet for the doctor (mulighedserklæring part 1)."""
    from fravaer_desktop.reports.conversation_documents import opportunity_sheet_pdf as render

    return render(
        company_of(store), employee, load_guides().opportunity_sheet, conversation, store.today()
    )


def document_request_pdf(store: Store, request: DocumentRequest) -> bytes:
    """The short letter asking for documentation of the absence."""
    from fravaer_desktop.reports.conversation_documents import document_request_pdf as render

    employee = store.employees.get(request.employee_id)
    kind = load_guides().documentation[request.kind]
    return render(company_of(store), employee, request, kind, store.today())


def leaflet_pdf(store: Store) -> bytes:
    """The leaflet 'Når du er syg' for the staff (about no one in particular)."""
    from fravaer_desktop.reports.conversation_documents import leaflet_pdf as render

    return render(company_of(store), load_guides().leaflet, store.today())


def blank_guide_pdf(store: Store, kind: str) -> bytes:
    """The manager's conversation guide for one kind, blank, to hold in the meeting."""
    from fravaer_desktop.reports.conversation_documents import conversation_guide_pdf as render

    guides = load_guides()
    return render(
        company_of(store), guides.conversations[kind], guides.general_may_ask,
        guides.general_may_not_ask, guides.may_source, store.today(),
    )  # fmt: skip


def export_conversation_documents(store: Store, directory, person_of: dict[int, str]) -> list:
    """Every conversation document for `--export`: per conversation the invitation, the
    minutes (each printed version; a held one never printed as it is now, unstored) and the
    preparation sheet of a mulighedserklæring meeting; per request the letter; and for the
    staff the leaflet and the blank guide of each kind. `person_of`: employee id -> the name
    part of the file names. Returns the written paths."""
    from fravaer_desktop.services.archive import write_whole

    written = []

    def write(name: str, pdf: bytes) -> None:
        path = directory / f"{name}.pdf"
        write_whole(path, pdf)
        written.append(path)

    for conversation in store.conversations.all():
        person = person_of[conversation.employee_id]
        about = f"{person} - {conversation.kind.title} - {conversation.invitation.meeting_on}"
        write(f"Indkaldelse - {about}", invitation_pdf(store, conversation))
        versions = store.conversations.minutes(conversation.id)
        for version in versions:
            write(f"Referat - {about} - version {version.version}", version.pdf)
        if conversation.is_held and not store.conversations.minutes_are_current(conversation.id):
            number = len(versions) + 1
            write(f"Referat - {about} - version {number}", minutes_pdf(store, conversation, number))
        if conversation.kind.value == "mulighedserklaering":
            employee = store.employees.get(conversation.employee_id)
            write(f"Forberedelse til mulighedserklæring - {about}",
                  opportunity_sheet_pdf(store, employee, conversation))  # fmt: skip
    guides = load_guides()
    for request in store.document_requests.all():
        title = guides.documentation[request.kind].title
        write(f"Anmodning om {title.lower()} - {person_of[request.employee_id]} - "
              f"{request.requested_on}", document_request_pdf(store, request))  # fmt: skip
    write(guides.leaflet.title, leaflet_pdf(store))
    for kind, guide in guides.conversations.items():
        write(f"Samtaleguide - {guide.title}", blank_guide_pdf(store, kind))
    return written
