from pydantic import BaseModel


class SendInput(BaseModel):
    to: str
    subject: str
    body: str


class SendOutput(BaseModel):
    message_id: str


class SendEmail:
    description = "Sends an email through the configured SMTP relay."

    input_schema = SendInput
    output_schema = SendOutput

    def execute(self, inputs, context):
        return SendOutput(message_id="queued")
