from pydantic import BaseModel


class AuditEvent(BaseModel):
    action: str


class AuditLog:
    description = "Appends an event to the audit log."

    input_schema = AuditEvent
    output_schema = AuditEvent

    def execute(self, inputs, context):
        return inputs
