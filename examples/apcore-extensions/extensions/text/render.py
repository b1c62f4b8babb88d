from pydantic import BaseModel


class RenderInput(BaseModel):
    template: str
    values: dict


class RenderOutput(BaseModel):
    text: str


class RenderTemplate:
    description = "Renders a Jinja template."

    input_schema = RenderInput
    output_schema = RenderOutput
    version = "1.4.0"

    def execute(self, inputs, context):
        return RenderOutput(text=inputs.template)
