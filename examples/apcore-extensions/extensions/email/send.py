from pydantic import BaseModel


class SendInput(BaseModel):
    to: str
    subject: str
    body: str


class SendOutput(BaseModel):
    message_id: str


class SendEmail:
    description = "Sends an email through the configured SMTP relay."
    # Merged with send_meta.yaml as apcore registers the module: YAML's tags win whole, its annotations
    # field by field (idempotent), the metadata key by key; Explain shows each field's origin
    tags = ["smtp"]
    annotations = {"idempotent": True, "open_world": True}
    metadata = {"owner": "messaging"}

    input_schema = SendInput
    output_schema = SendOutput

    def execute(self, inputs, context):
        return SendOutput(message_id="queued")
