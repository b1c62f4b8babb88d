from pydantic import BaseModel


class NotifyInput(BaseModel):
    channel: str
    text: str


class NotifyOutput(BaseModel):
    ts: str


class NotifySlack:
    description = "Posts a message to a Slack channel."

    input_schema = NotifyInput
    output_schema = NotifyOutput

    def execute(self, inputs, context):
        return NotifyOutput(ts="0")
