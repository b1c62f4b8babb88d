#!/usr/bin/env python
"""
Risk Table Mapping script.

Runs inside the SageMaker container; paths follow the script contract.
"""

import argparse
import logging
import os
from pathlib import Path

import pandas as pd

logger = logging.getLogger(__name__)

INPUT_PATHS = {"data_input": "/opt/ml/processing/input/data_input", "hyperparameters_s3_uri": "/opt/ml/processing/input/hyperparameters_s3_uri"}
OUTPUT_PATHS = {"processed_data": "/opt/ml/processing/output/processed_data", "risk_tables": "/opt/ml/processing/output/risk_tables"}


def main(input_paths, output_paths, environ_vars, job_args):
    """Entry point: read inputs, transform, write outputs."""
    label_field = environ_vars["LABEL_FIELD"]
    frames = [pd.read_csv(p) for p in Path(input_paths["data_input"]).glob("**/*.csv")]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    logger.info("Loaded %d rows (label=%s, job_type=%s)", len(df), label_field, job_args.job_type)
    out_dir = Path(output_paths["processed_data"])
    out_dir.mkdir(parents=True, exist_ok=True)
    df.to_csv(out_dir / f"{job_args.job_type}.csv", index=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--job_type", type=str, default="training")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    main(INPUT_PATHS, OUTPUT_PATHS, dict(os.environ), args)
